package com.gatewaywizard.ui.wizard;

import com.gatewaywizard.spec.Limits;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Names;
import com.gatewaywizard.ui.Texts;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;

/** Step 6: container group name, image, CPU/memory within the region's limits, debug logging, probe, instances. */
public final class OptionsViewModel extends StepViewModel {

    private final StringBinding suggestedName;

    public OptionsViewModel(WizardModel model) {
        super(model, "name", "image", "cpu", "memoryGb", "instances", "tags");
        suggestedName = Bindings.createStringBinding(() -> {
            String n = model.name.get();
            return Names.isValid(n) ? "" : Names.suggest(n);
        }, model.name);
    }

    @Override
    public String id() {
        return "options";
    }

    /**
     * A valid name close to the typed one when the typed one is invalid, else empty. One binding for the step's life:
     * a view that depends on it and reads it must see the same one (a fresh one per call went stale after its first
     * change, as a binding nobody reads again never invalidates again).
     */
    public StringBinding suggestedName() {
        return suggestedName;
    }

    public void useSuggestedName() {
        String s = suggestedName().get();
        if (!s.isEmpty()) {
            model.name.set(s);
        }
    }

    /** "This region allows up to 4 CPU and 16 GB per container group." */
    public StringBinding limitsText() {
        return Bindings.createStringBinding(() -> {
            Limits l = model.limits.get();
            return Texts.get("options.limits", model.region.get().isBlank() ? "?" : model.region.get(),
                    WizardModel.num(l.maxCpu()), WizardModel.num(l.maxMemoryGb()));
        }, model.limits, model.region);
    }

    public StringBinding probeExplanation() {
        return Bindings.createStringBinding(() -> Texts.get("options.probe." + model.liveness.get().cliName() + ".why"),
                model.liveness);
    }

    /** The Commander command to allow a pool of N instances, or empty for one instance. */
    public StringBinding maxInstancesCommand() {
        return Bindings.createStringBinding(() -> model.instances.get() > 1
                ? "pam gateway set-max-instances -g <GATEWAY_UID> -m " + model.instances.get() : "", model.instances);
    }

    public static LivenessProbe[] probes() {
        return LivenessProbe.values();
    }
}
