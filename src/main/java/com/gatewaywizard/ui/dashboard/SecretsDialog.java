package com.gatewaywizard.ui.dashboard;

import com.gatewaywizard.AppInfo;
import com.gatewaywizard.azure.GatewayStatus;
import com.gatewaywizard.manifest.ArmBody;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.LivenessProbe;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.Secret;
import com.gatewaywizard.spec.Severity;
import com.gatewaywizard.spec.SpecValidator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for what a GET never returns — the Docker Hub PAT and the gateway config — to redeploy or add an instance when
 * this session did not deploy the pool. Both fields are masked. The rest of the spec comes from the group as Azure
 * reports it (region, subnet, image, CPU, memory, tags). The spec is checked by {@link SpecValidator} before the
 * dialog closes, so nothing invalid reaches Azure.
 */
final class SecretsDialog extends Dialog<GatewaySpec> {
    /** "Remember in the OS keychain": off, and disabled until the keychain is known to be usable. */
    private final CheckBox remember = new CheckBox();
    private final Label rememberWhy = new Label();

    SecretsDialog(ResourceBundle t, Window owner, GatewayStatus s, int instances, String purpose) {
        if (owner != null) {
            initOwner(owner);
        }
        setTitle(t.getString("dash.secrets.title"));
        setHeaderText(purpose);
        getDialogPane().setId("secrets-dialog");
        getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        TextField user = new TextField();
        user.setId("secrets-docker-user");
        if (s != null && s.registryUser() != null) {
            user.setText(s.registryUser()); // Azure returns the registry user (never the PAT): only the PAT is asked
        }
        PasswordField pat = new PasswordField();
        pat.setId("secrets-docker-pat");
        PasswordField config = new PasswordField();
        config.setId("secrets-gateway-config");
        CheckBox debug = new CheckBox(t.getString("dash.secrets.debug"));
        ChoiceBox<LivenessProbe> probe = new ChoiceBox<>();
        probe.setId("secrets-probe");
        probe.getItems().setAll(LivenessProbe.values());
        probe.setConverter(probeLabels(t));
        probe.setValue(LivenessProbe.NONE);
        Label problems = new Label();
        problems.setId("secrets-problems");
        problems.getStyleClass().add("text-danger");
        problems.setWrapText(true);
        Label why = new Label(t.getString("dash.secrets.why"));
        why.setWrapText(true);
        why.getStyleClass().add("text-muted");

        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, new Label(t.getString("dash.secrets.dockerUser")), user);
        g.addRow(1, new Label(t.getString("dash.secrets.dockerPat")), pat);
        g.addRow(2, new Label(t.getString("dash.secrets.gatewayConfig")), config);
        g.addRow(3, new Label(t.getString("dash.secrets.probe")), probe);
        g.add(debug, 1, 4);
        user.setPrefColumnCount(28);
        g.getChildren().stream().filter(n -> n instanceof Label).forEach(n -> ((Label) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE));
        remember.setText(t.getString("dash.secrets.keychain"));
        remember.setId("secrets-keychain");
        remember.setMnemonicParsing(true);
        remember.setDisable(true);
        rememberWhy.setId("secrets-keychain-status");
        rememberWhy.setWrapText(true);
        rememberWhy.getStyleClass().add("text-muted");
        rememberWhy.setText(t.getString("dash.secrets.keychain.checking"));
        this.texts = t;
        VBox box = new VBox(10, why, g, new VBox(4, remember, rememberWhy), problems);
        box.setPadding(new Insets(8));
        box.setMaxWidth(560);
        box.setPrefWidth(560); // a definite width, so the long lines wrap instead of widening the dialog
        for (Label l : List.of(why, rememberWhy, problems)) {
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        getDialogPane().setContent(box);

        getDialogPane().lookupButton(ButtonType.OK).setId("secrets-ok");
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            GatewaySpec spec = build(s, instances, user.getText(), Secret.of(pat.getText()), Secret.of(config.getText().strip()),
                    debug.isSelected(), probe.getValue());
            List<Problem> errors = SpecValidator.validate(spec).stream().filter(p -> p.severity() == Severity.ERROR).toList();
            if (!errors.isEmpty()) {
                problems.setText(errors.stream().map(p -> p.message() + (p.fix().isEmpty() ? "" : " \u2014 " + p.fix()))
                        .collect(Collectors.joining("\n")));
                fit();
                e.consume();
            }
        });
        setResultConverter(b -> b == ButtonType.OK
                ? build(s, instances, user.getText(), Secret.of(pat.getText()), Secret.of(config.getText().strip()),
                        debug.isSelected(), probe.getValue())
                : null);
        setOnShown(e -> (user.getText().isBlank() ? user : pat).requestFocus());
    }

    private final ResourceBundle texts;

    /** The probes by the wizard's labels ("None", "HTTP /health on 443", "Health-check command"), not the enum names. */
    static javafx.util.StringConverter<LivenessProbe> probeLabels(ResourceBundle t) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(LivenessProbe p) {
                return p == null ? "" : t.getString("options.probe." + p.cliName());
            }

            @Override
            public LivenessProbe fromString(String s) {
                for (LivenessProbe p : LivenessProbe.values()) {
                    if (toString(p).equals(s)) {
                        return p;
                    }
                }
                return null;
            }
        };
    }

    /** What the keychain check found: enables the box, or says why it stays off. Call on the FX thread. */
    void keychain(com.gatewaywizard.state.keychain.Keychain.Availability a) {
        remember.setDisable(!a.available());
        if (!a.available()) {
            remember.setSelected(false);
        }
        rememberWhy.setText(a.available() ? java.text.MessageFormat.format(texts.getString("dash.secrets.keychain.hint"), a.store())
                : java.text.MessageFormat.format(texts.getString("dash.secrets.keychain.unavailable"), a.reason()));
        fit();
    }

    /** Resizes the dialog's window to its content after a text grew (more lines), so the buttons stay in view. */
    private void fit() {
        if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
            getDialogPane().getScene().getWindow().sizeToScene();
        }
    }

    /** Whether the user asked to keep these secrets in the OS keychain (after the action succeeds). */
    boolean rememberChosen() {
        return remember.isSelected() && !remember.isDisabled();
    }

    /** The pool's spec from what Azure reports plus the secrets typed; our own tags are left to {@code ArmBody}. */
    static GatewaySpec build(GatewayStatus s, int instances, String dockerUser, Secret pat, Secret config, boolean debug,
            LivenessProbe probe) {
        Map<String, String> userTags = new LinkedHashMap<>(s.tags());
        userTags.remove(ArmBody.TAG_POOL);
        userTags.remove(ArmBody.TAG_INSTANCE);
        userTags.remove(AppInfo.TAG_MANAGED_BY);
        return GatewaySpec.builder()
                .subscriptionId(s.ref().subscriptionId())
                .resourceGroup(s.ref().resourceGroup())
                .region(s.region())
                .name(s.pool())
                .subnetId(s.subnetId())
                .image(s.image())
                .cpu(s.cpu())
                .memoryGb(s.memoryGb())
                .dockerUser(dockerUser == null ? "" : dockerUser.strip())
                .dockerPat(pat)
                .gatewayConfig(config)
                .debugLogging(debug)
                .liveness(probe)
                .instances(Math.max(1, instances))
                .tags(userTags)
                .build();
    }
}
