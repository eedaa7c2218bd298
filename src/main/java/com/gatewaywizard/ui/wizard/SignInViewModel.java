package com.gatewaywizard.ui.wizard;

import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.azure.CloudKind;
import com.gatewaywizard.azure.DeviceCodePrompt;
import com.gatewaywizard.azure.SignInMethod;
import com.gatewaywizard.azure.SignInRequest;
import com.gatewaywizard.azure.SimulatorAddress;
import com.gatewaywizard.spec.Secret;
import com.gatewaywizard.ui.Explain;
import com.gatewaywizard.ui.SimulatorSession;
import com.gatewaywizard.ui.Tasks;
import com.gatewaywizard.ui.Texts;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;

/** Step 1: which cloud, how to sign in, who is signed in. Valid once a session exists. */
public final class SignInViewModel extends StepViewModel {
    public final ObjectProperty<CloudKind> cloud = new SimpleObjectProperty<>(CloudKind.AZURE);
    public final ObjectProperty<SignInMethod> method = new SimpleObjectProperty<>(SignInMethod.AZURE_CLI);
    public final ObservableList<SignInMethod> methods = FXCollections.observableArrayList();
    public final StringProperty tenantId = new SimpleStringProperty("");
    public final StringProperty clientId = new SimpleStringProperty("");
    /** Service principal secret or certificate password (memory only). */
    public final StringProperty clientSecret = new SimpleStringProperty("");
    public final StringProperty certificate = new SimpleStringProperty("");
    /**
     * For the simulator cloud: empty for the built-in simulator, else the URL of a separately started
     * {@code gateway-wizard simulator} (the app context's, which the start page's switch uses too).
     */
    public final StringProperty simulatorAddress;
    /** The device code to show while a device-code sign-in waits; null otherwise. */
    public final ObjectProperty<DeviceCodePrompt> deviceCode = new SimpleObjectProperty<>();
    private Task<AzureServices> running;

    public SignInViewModel(WizardModel model) {
        super(model);
        simulatorAddress = model.context().simulatorAddressProperty();
        simulatorAddress.addListener((o, a, b) -> error.set(""));
        cloud.addListener((o, a, c) -> updateMethods());
        // A failed sign-in's message is about that cloud and method: choosing another one clears it.
        cloud.addListener((o, a, c) -> error.set(""));
        method.addListener((o, a, m) -> error.set(""));
        model.context().simulatorProperty().addListener((o, a, on) -> {
            if (on) {
                cloud.set(CloudKind.SIMULATOR);
            }
        });
        if (model.context().simulatorProperty().get()) {
            cloud.set(CloudKind.SIMULATOR);
        }
        updateMethods();
    }

    @Override
    public String id() {
        return "signin";
    }

    private void updateMethods() {
        List<SignInMethod> list = cloud.get() == CloudKind.SIMULATOR ? List.of(SignInMethod.SIMULATOR)
                : List.of(SignInMethod.AZURE_CLI, SignInMethod.BROWSER, SignInMethod.DEVICE_CODE,
                        SignInMethod.SERVICE_PRINCIPAL_SECRET, SignInMethod.SERVICE_PRINCIPAL_CERTIFICATE);
        // The method list's combo box clears its value when its items are replaced: keep the user's method when the
        // new cloud offers it too (it threw on the null before, switching Azure -> Azure US Government).
        SignInMethod keep = method.get();
        methods.setAll(list);
        method.set(keep != null && list.contains(keep) ? keep : list.get(0));
    }

    public ObjectProperty<AzureServices> services() {
        return model.context().servicesProperty();
    }

    /** "Signed in to Azure as alice@contoso.com", or empty. */
    public StringBinding signedInText() {
        return Bindings.createStringBinding(() -> {
            AzureServices s = services().get();
            return s == null ? "" : Texts.get("signin.who", s.cloud().displayName(), s.account());
        }, services());
    }

    /** A problem with the inputs of the chosen method (before any Azure call), or empty. */
    public StringBinding inputProblem() {
        return Bindings.createStringBinding(() -> {
            if (cloud.get() == CloudKind.SIMULATOR) {
                return addressProblem(simulatorAddress.get());
            }
            SignInMethod m = method.get();
            boolean sp = m == SignInMethod.SERVICE_PRINCIPAL_SECRET || m == SignInMethod.SERVICE_PRINCIPAL_CERTIFICATE;
            if (sp && tenantId.get().isBlank()) {
                return Texts.get("signin.need.tenant");
            }
            if (sp && clientId.get().isBlank()) {
                return Texts.get("signin.need.client");
            }
            if (m == SignInMethod.SERVICE_PRINCIPAL_SECRET && clientSecret.get().isBlank()) {
                return Texts.get("signin.need.secret");
            }
            if (m == SignInMethod.SERVICE_PRINCIPAL_CERTIFICATE && certificate.get().isBlank()) {
                return Texts.get("signin.need.certificate");
            }
            return "";
        }, cloud, method, tenantId, clientId, clientSecret, certificate, simulatorAddress);
    }

    /** What is wrong with a typed simulator address, naming the field and the fix; empty when it is usable (or empty). */
    public static String addressProblem(String address) {
        if (address == null || address.isBlank()) {
            return "";
        }
        SimulatorAddress.Fault f = SimulatorAddress.fault(address);
        return f == null ? "" : Texts.get("signin.simulator.bad." + f.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** The hint under the method: which simulator a sign-in goes to. */
    public StringBinding simulatorHint() {
        return Bindings.createStringBinding(() -> {
            String a = simulatorAddress.get();
            return a == null || a.isBlank() || !addressProblem(a).isEmpty() ? Texts.get("signin.method.simulator.hint")
                    : Texts.get("signin.simulator.at.hint", SimulatorAddress.parse(a));
        }, simulatorAddress);
    }

    @Override
    protected BooleanBinding extraValid() {
        return services().isNotNull();
    }

    /** Signs in with the chosen cloud and method, in the background. */
    public void signIn() {
        if (busy.get() || !inputProblem().get().isEmpty()) {
            return;
        }
        error.set("");
        deviceCode.set(null);
        CloudKind c = cloud.get();
        SignInMethod m = method.get();
        String tenant = tenantId.get().strip();
        String client = clientId.get().strip();
        Secret secret = Secret.of(clientSecret.get().strip());
        String cert = certificate.get().strip();
        SimulatorSession session = model.context().simulatorSession();
        String address = c == CloudKind.SIMULATOR ? simulatorAddress.get().strip() : "";
        var connector = model.context().connector();
        running = Tasks.run(() -> {
            SignInRequest req;
            if (c == CloudKind.SIMULATOR) {
                req = SimulatorSession.request(session, address);
            } else {
                boolean sp = m == SignInMethod.SERVICE_PRINCIPAL_SECRET || m == SignInMethod.SERVICE_PRINCIPAL_CERTIFICATE;
                req = new SignInRequest(c, null, m, tenant.isEmpty() ? null : tenant, sp ? client : null,
                        m == SignInMethod.SERVICE_PRINCIPAL_SECRET ? secret : null,
                        m == SignInMethod.SERVICE_PRINCIPAL_CERTIFICATE ? Path.of(cert) : null,
                        m == SignInMethod.SERVICE_PRINCIPAL_CERTIFICATE ? secret : null,
                        prompt -> Platform.runLater(() -> deviceCode.set(prompt)));
            }
            AzureServices s = connector.connect(req);
            s.subscriptions(); // proves the sign-in works before the step says so
            return s;
        }).busy(busy)
                .onSuccess(s -> {
                    AzureServices old = services().get();
                    services().set(s);
                    deviceCode.set(null);
                    if (old != null && old != s) {
                        Tasks.run(() -> {
                            old.close();
                            return null;
                        }).start();
                    }
                })
                .onError(e -> {
                    deviceCode.set(null);
                    error.set(Explain.simulatorLine(e, address));
                })
                .onCancel(() -> deviceCode.set(null))
                .start();
    }

    // ---- remembered across runs (never a secret) ------------------------------------------------------------------

    /** The form's choices as typed, for {@code signin.json}; the client secret and certificate password are left out. */
    public SignInChoices toChoices() {
        return new SignInChoices(cloud.get().name(), method.get() == null ? null : method.get().name(), tenantId.get(),
                clientId.get(), certificate.get(), simulatorAddress.get());
    }

    /**
     * Fills the form from remembered choices. {@code keepCloudAndAddress}: the command line chose the simulator
     * ({@code --simulator[=URL]}), which stays as it said; the other fields are still filled.
     */
    public void apply(SignInChoices c, boolean keepCloudAndAddress) {
        if (!keepCloudAndAddress) {
            CloudKind k = parse(CloudKind.class, c.cloud());
            if (k != null) {
                cloud.set(k);
            }
            simulatorAddress.set(c.simulatorAddress() == null ? "" : c.simulatorAddress());
        }
        SignInMethod m = parse(SignInMethod.class, c.method());
        if (m != null && methods.contains(m)) {
            method.set(m);
        }
        tenantId.set(c.tenantId() == null ? "" : c.tenantId());
        clientId.set(c.clientId() == null ? "" : c.clientId());
        certificate.set(c.certificate() == null ? "" : c.certificate());
    }

    /** The inputs {@link #toChoices()} reads: a change to any of them is saved. */
    public List<javafx.beans.Observable> choiceInputs() {
        return List.of(cloud, method, tenantId, clientId, certificate, simulatorAddress);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            return null; // a name of a later or earlier version: keep the default
        }
    }

    public void cancel() {
        if (running != null) {
            running.cancel(true);
        }
    }

    /** Forgets the sign-in (token cache too) and closes the session. */
    public void signOut() {
        AzureServices s = services().get();
        if (s == null) {
            return;
        }
        services().set(null);
        Tasks.run(() -> {
            s.signOut();
            return null;
        }).onError(e -> error.set(Explain.line(e))).start();
    }
}
