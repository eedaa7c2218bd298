package com.gatewaywizard.ui.wizard;

import com.gatewaywizard.keeper.DecodeResult;
import com.gatewaywizard.keeper.Endpoint;
import com.gatewaywizard.keeper.GatewayConfig;
import com.gatewaywizard.ui.Explain;
import com.gatewaywizard.ui.Tasks;
import com.gatewaywizard.ui.Texts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;

/**
 * Step 5: the Keeper Gateway config, pasted or read from a file, decoded at once (region, endpoints the network
 * must allow, problems such as a one-time token with their fix). The value itself is never shown unless revealed.
 */
public final class ConfigViewModel extends StepViewModel {
    public static final String COMMANDER_COMMAND = "pam gateway new -n \"<Gateway Name>\" -a <Application Name or UID> -c b64";
    /** Larger files are not a gateway config. */
    static final long MAX_FILE = 64 * 1024;

    private final ObjectBinding<DecodeResult> decoded;

    public ConfigViewModel(WizardModel model) {
        super(model, "gatewayConfig");
        decoded = Bindings.createObjectBinding(() -> GatewayConfig.decode(model.gatewayConfig.get()), model.gatewayConfig);
        regionText = Bindings.createStringBinding(() -> decoded.get().config().map(GatewayConfig::regionLabel).orElse(""), decoded);
    }

    private final StringBinding regionText;

    @Override
    public String id() {
        return "config";
    }

    public ObjectBinding<DecodeResult> decoded() {
        return decoded;
    }

    /** The decoded config's region, or empty; one binding for the step's life (see OptionsViewModel.suggestedName). */
    public StringBinding regionText() {
        return regionText;
    }

    public List<Endpoint> endpoints() {
        return decoded.get().config().map(GatewayConfig::endpoints).orElse(List.of());
    }

    /** The endpoints as a plain-text table for a firewall request. */
    public String endpointsTable() {
        return Endpoint.table(endpoints());
    }

    @Override
    protected BooleanBinding extraValid() {
        return Bindings.createBooleanBinding(() -> decoded.get().ok(), decoded);
    }

    /** Reads a dropped or chosen file in the background and uses its content as the config. */
    public void loadFile(Path file) {
        error.set("");
        Tasks.run(() -> {
            if (Files.size(file) > MAX_FILE) {
                throw new IllegalArgumentException(Texts.get("config.file.large", file.getFileName()));
            }
            return Files.readString(file);
        }).busy(busy).onSuccess(model.gatewayConfig::set).onError(e -> error.set(Explain.of(e).message())).start();
    }

    /** On the simulator: a made-up config of the right shape, so the flow can be tried without Keeper. */
    public void useTrainingConfig() {
        Tasks.run(TrainingConfig::generate).busy(busy).onSuccess(model.gatewayConfig::set).start();
    }
}
