package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.Forms.t;

import atlantafx.base.theme.Styles;
import com.gatewaywizard.azure.CloudKind;
import com.gatewaywizard.azure.DeviceCodePrompt;
import com.gatewaywizard.azure.SignInMethod;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Sign in: cloud, method, the method's fields, the device code when asked, who is signed in, Sign out. */
final class SignInView implements StepView {
    private final VBox root = new VBox(16);
    private final ComboBox<CloudKind> cloud = new ComboBox<>();
    private Timeline countdown;

    SignInView(SignInViewModel vm) {
        root.setId("step-signin");
        cloud.setId("signin-cloud");
        cloud.getItems().setAll(CloudKind.values());
        cloud.valueProperty().bindBidirectional(vm.cloud);
        cloud.setConverter(converter(CloudKind::displayName));

        ComboBox<SignInMethod> method = new ComboBox<>(vm.methods);
        method.setId("signin-method");
        method.valueProperty().bindBidirectional(vm.method);
        method.setConverter(converter(m -> t("signin.method." + m.name().toLowerCase(Locale.ROOT))));
        method.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(SignInMethod m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? "" : t("signin.method." + m.name().toLowerCase(Locale.ROOT)));
            }
        });
        Label methodHint = Forms.muted("");
        var simulatorHint = vm.simulatorHint();
        methodHint.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> vm.method.get() == null ? ""
                : vm.method.get() == SignInMethod.SIMULATOR ? simulatorHint.get()
                : t("signin.method." + vm.method.get().name().toLowerCase(Locale.ROOT) + ".hint"), vm.method, simulatorHint));

        // A separately started 'gateway-wizard simulator' (the one the CLI reaches with --cloud simulator=URL)
        TextField address = new TextField();
        address.setId("signin-simulator-address");
        address.setPromptText(t("signin.simulator.address.prompt"));
        address.textProperty().bindBidirectional(vm.simulatorAddress);
        address.setPrefColumnCount(28);
        address.setMaxWidth(440);
        javafx.beans.value.ChangeListener<String> mark = (o, a, text) -> address.pseudoClassStateChanged(Styles.STATE_DANGER,
                !SignInViewModel.addressProblem(text).isEmpty());
        vm.simulatorAddress.addListener(mark);
        mark.changed(vm.simulatorAddress, null, vm.simulatorAddress.get());
        VBox addressBox = new VBox(4, Forms.field("signin.simulator.address", address), Forms.muted(t("signin.simulator.address.hint")));
        addressBox.setMaxWidth(640);
        show(addressBox, vm.cloud.isEqualTo(CloudKind.SIMULATOR));

        TextField tenant = new TextField();
        tenant.setId("signin-tenant");
        tenant.setPromptText(t("signin.tenant.prompt"));
        tenant.textProperty().bindBidirectional(vm.tenantId);
        TextField client = new TextField();
        client.setId("signin-client");
        client.textProperty().bindBidirectional(vm.clientId);
        Forms.SecretField secret = new Forms.SecretField("signin-secret", vm.clientSecret, String::strip);
        TextField cert = new TextField();
        cert.setId("signin-certificate");
        cert.setPromptText(t("signin.certificate.prompt"));
        cert.textProperty().bindBidirectional(vm.certificate);

        VBox tenantBox = Forms.field("signin.tenant", tenant);
        VBox clientBox = Forms.field("signin.client", client);
        VBox secretBox = Forms.field("signin.secret", secret);
        VBox certBox = Forms.field("signin.certificate", cert);
        var sp = vm.method.isEqualTo(SignInMethod.SERVICE_PRINCIPAL_SECRET).or(vm.method.isEqualTo(SignInMethod.SERVICE_PRINCIPAL_CERTIFICATE));
        var interactive = vm.method.isEqualTo(SignInMethod.BROWSER).or(vm.method.isEqualTo(SignInMethod.DEVICE_CODE));
        show(tenantBox, sp.or(interactive));
        show(clientBox, sp);
        show(secretBox, sp);
        show(certBox, vm.method.isEqualTo(SignInMethod.SERVICE_PRINCIPAL_CERTIFICATE));

        Button signIn = Forms.button("signin.button", Feather.LOG_IN, vm::signIn);
        signIn.setId("signin-button");
        signIn.getStyleClass().add(Styles.ACCENT);
        signIn.disableProperty().bind(vm.busy.or(vm.inputProblem().isNotEmpty()));
        Button cancel = Forms.button("signin.cancel", Feather.X, vm::cancel);
        cancel.setId("signin-cancel");
        show(cancel, vm.busy);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(22, 22);
        show(spinner, vm.busy);
        Label inputProblem = new Label();
        inputProblem.setId("signin-input-problem");
        inputProblem.getStyleClass().add(Styles.WARNING);
        inputProblem.setWrapText(true);
        inputProblem.setMaxWidth(640);
        inputProblem.textProperty().bind(vm.inputProblem());
        show(inputProblem, vm.inputProblem().isNotEmpty());
        HBox actions = new HBox(10, signIn, cancel, spinner);
        actions.setAlignment(Pos.CENTER_LEFT);

        // device code, large, with Copy / Open browser / countdown
        Label code = new Label();
        code.setId("signin-device-code");
        code.getStyleClass().add("device-code");
        Label url = new Label();
        Label left = new Label();
        left.setId("signin-device-countdown");
        Button copyCode = Forms.copyButton("signin-device-copy", code::getText);
        Button open = Forms.button("signin.device.open", Feather.EXTERNAL_LINK, () -> {
            DeviceCodePrompt p = vm.deviceCode.get();
            if (p != null) {
                vm.services(); // no-op: keeps the view model referenced
                openBrowser(vm, p.verificationUrl());
            }
        });
        VBox device = new VBox(8, Forms.section("signin.device.title"), url, code, new HBox(8, copyCode, open), left);
        device.getStyleClass().add("device-box");
        show(device, vm.deviceCode.isNotNull());
        vm.deviceCode.addListener((o, a, p) -> {
            if (countdown != null) {
                countdown.stop();
            }
            if (p == null) {
                return;
            }
            code.setText(p.userCode());
            url.setText(t("signin.device.url", p.verificationUrl()));
            countdown = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> left.setText(remaining(p.expiresAt()))));
            countdown.setCycleCount(Timeline.INDEFINITE);
            left.setText(remaining(p.expiresAt()));
            countdown.play();
        });

        Label who = new Label();
        who.setId("signin-who");
        who.getStyleClass().addAll(Styles.SUCCESS, Styles.TITLE_4);
        who.setGraphic(new FontIcon(Feather.USER_CHECK));
        who.textProperty().bind(vm.signedInText());
        Button signOut = Forms.button("signin.signout", Feather.LOG_OUT, vm::signOut);
        signOut.setId("signin-signout");
        HBox whoBox = new HBox(12, who, signOut);
        whoBox.setAlignment(Pos.CENTER_LEFT);
        show(whoBox, vm.services().isNotNull());

        VBox form = new VBox(12, Forms.field("signin.cloud", cloud), new VBox(4, Forms.field("signin.method", method), methodHint),
                addressBox, tenantBox, clientBox, secretBox, certBox, actions, inputProblem);
        form.disableProperty().bind(vm.services().isNotNull());
        root.getChildren().addAll(Forms.header("signin"), whoBox, form, device, Forms.errorLabel("signin-error", vm.error));
    }

    private static void openBrowser(SignInViewModel vm, String url) {
        vm.model.context().openBrowser(url);
    }

    static String remaining(Instant expires) {
        long s = Math.max(0, Duration.between(Instant.now(), expires).getSeconds());
        return t("signin.device.left", s / 60, String.format(Locale.ROOT, "%02d", s % 60));
    }

    static void show(Node n, javafx.beans.value.ObservableBooleanValue when) {
        n.visibleProperty().bind(when);
        n.managedProperty().bind(when);
    }

    static <T> StringConverter<T> converter(java.util.function.Function<T, String> f) {
        return new StringConverter<>() {
            @Override
            public String toString(T v) {
                return v == null ? "" : f.apply(v);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node firstField() {
        return cloud;
    }
}
