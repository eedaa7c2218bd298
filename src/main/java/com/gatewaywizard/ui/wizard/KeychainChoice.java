package com.gatewaywizard.ui.wizard;

import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.state.keychain.Keychain;
import com.gatewaywizard.state.keychain.KeychainException;
import com.gatewaywizard.state.keychain.SavedSecrets;
import com.gatewaywizard.ui.Explain;
import com.gatewaywizard.ui.Tasks;
import com.gatewaywizard.ui.Texts;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The opt-in "Remember in the OS keychain" of the Registry and Gateway config steps (off by default). When on, a
 * successful deploy saves the Docker Hub token and the gateway config of the pool in the OS keychain (in the
 * background); when the subscription, resource group and name of the wizard match a pool with saved secrets and
 * both secret fields are empty, they are filled from the keychain (in the background) and {@link #note} says so.
 * Every keychain call runs through {@link Tasks}: the FX thread never waits on the keychain's child process.
 */
public final class KeychainChoice {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final WizardModel model;
    /** The user's choice (saved in the draft, never the secrets). */
    public final BooleanProperty remember = new SimpleBooleanProperty(false);
    /** Whether the keychain can be used; null until checked. */
    public final ObjectProperty<Keychain.Availability> availability = new SimpleObjectProperty<>();
    /** What happened with the keychain lately (filled from it, saved to it, a failure), for the steps to show. */
    public final StringProperty note = new SimpleStringProperty("");
    private boolean checking;

    KeychainChoice(WizardModel model) {
        this.model = model;
        model.subscriptionId.addListener(o -> fillIfSaved());
        model.resourceGroup.addListener(o -> fillIfSaved());
        model.name.addListener(o -> fillIfSaved());
    }

    private SavedSecrets saved() {
        return model.context().savedSecrets();
    }

    /** True when the keychain was checked and can be used (the check box is enabled). */
    public BooleanBinding usable() {
        return Bindings.createBooleanBinding(() -> availability.get() != null && availability.get().available(), availability);
    }

    /** The line under the check box: checking, why it cannot be used, or what it does. */
    public StringBinding status() {
        return Bindings.createStringBinding(() -> {
            Keychain.Availability a = availability.get();
            if (a == null) {
                return Texts.get("keychain.checking");
            }
            return a.available() ? Texts.get("keychain.hint", a.store()) : Texts.get("keychain.unavailable", a.reason());
        }, availability);
    }

    /** Checks once, in the background, whether the keychain can be used. Call on the FX thread. */
    public void check() {
        if (availability.get() != null || checking) {
            return;
        }
        checking = true;
        SavedSecrets s = saved();
        Tasks.run(s::availability).onSuccess(a -> {
            availability.set(a);
            if (!a.available()) {
                remember.set(false);
            }
        }).onError(e -> availability.set(Keychain.Availability.no(s.keychain().name(), message(e))))
          .andFinally(() -> checking = false).start();
    }

    /** Back to the start of a new deployment: off, nothing noted (the availability stays known). */
    void reset() {
        remember.set(false);
        note.set("");
    }

    /** When the wizard names a pool whose secrets were saved and both secret fields are empty: fill them. */
    private void fillIfSaved() {
        String sub = model.subscriptionId.get().strip();
        String rg = model.resourceGroup.get().strip();
        String name = model.name.get().strip();
        if (sub.isEmpty() || rg.isEmpty() || name.isEmpty() || !model.dockerPat.get().isEmpty()
                || !model.gatewayConfig.get().isEmpty()) {
            return;
        }
        SavedSecrets s = saved();
        Tasks.run(() -> s.entry(sub, rg, name).isPresent() && s.availability().available()
                        ? s.load(sub, rg, name) : Optional.<SavedSecrets.Saved>empty())
                .onSuccess(found -> found.ifPresent(x -> {
                    boolean same = sub.equals(model.subscriptionId.get().strip()) && rg.equals(model.resourceGroup.get().strip())
                            && name.equals(model.name.get().strip());
                    if (!same || !model.dockerPat.get().isEmpty() || !model.gatewayConfig.get().isEmpty()) {
                        return; // the user moved on or typed a secret meanwhile: theirs wins
                    }
                    model.gatewayConfig.set(x.gatewayConfig().reveal());
                    model.dockerPat.set(x.dockerPat().reveal());
                    if (model.dockerUser.get().isBlank() && x.entry().dockerUser() != null) {
                        model.dockerUser.set(x.entry().dockerUser());
                    }
                    remember.set(true);
                    note.set(Texts.get("keychain.filled", WHEN.format(x.entry().savedAt())));
                }))
                .onError(e -> note.set(Texts.get("keychain.fill.failed", message(e))))
                .start();
    }

    /**
     * After a successful deploy: saves the secrets when the user opted in; when they did not and this pool has
     * secrets saved from before, removes them (the box is what the keychain holds). {@code report} gets one line.
     */
    void afterDeploy(GatewaySpec spec, Consumer<String> report) {
        SavedSecrets s = saved();
        if (remember.get()) {
            Tasks.run(() -> s.save(spec))
                    .onSuccess(e -> {
                        String line = Texts.get("keychain.saved", s.keychain().name());
                        note.set(line);
                        report.accept(line);
                    })
                    .onError(e -> {
                        String line = Texts.get("keychain.save.failed", message(e));
                        note.set(line);
                        report.accept(line);
                    }).start();
        } else {
            String sub = spec.subscriptionId();
            String rg = spec.resourceGroup();
            String name = spec.name();
            Tasks.run(() -> s.entry(sub, rg, name).isPresent() && s.forget(sub, rg, name))
                    .onSuccess(removed -> {
                        if (removed) {
                            report.accept(Texts.get("keychain.forgotten"));
                        }
                    })
                    .onError(e -> report.accept(Texts.get("keychain.forget.failed", message(e)))).start();
        }
    }

    /** A keychain failure's own plain words; anything else through {@link Explain}. */
    static String message(Throwable e) {
        return e instanceof KeychainException ? e.getMessage() : Explain.of(e).message();
    }
}
