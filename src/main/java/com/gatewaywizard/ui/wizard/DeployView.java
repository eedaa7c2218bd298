package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.Forms.t;
import static com.gatewaywizard.ui.wizard.SignInView.show;

import atlantafx.base.theme.Styles;
import com.gatewaywizard.azure.Explanation;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** One progress row per instance, live events, elapsed time, Cancel; failure with Retry / Back; success. */
final class DeployView implements StepView {
    private final VBox root = new VBox(12);
    private final VBox rows = new VBox(8);
    private final Button openDashboard;

    DeployView(DeployViewModel vm, Runnable back, Runnable dashboard) {
        root.setId("step-deploy");
        vm.rows.addListener((ListChangeListener<DeployViewModel.Row>) c -> rebuild(vm));
        Label elapsed = new Label();
        elapsed.setId("deploy-elapsed");
        elapsed.textProperty().bind(Bindings.createStringBinding(() -> t("deploy.elapsed", vm.elapsed.get()), vm.elapsed));
        Button cancel = Forms.button("deploy.cancel", Feather.X_OCTAGON, vm::cancel);
        cancel.setId("deploy-cancel");
        show(cancel, vm.deploying);
        HBox head = new HBox(12, elapsed, cancel);
        head.setAlignment(Pos.CENTER_LEFT);

        ListView<String> events = new ListView<>(vm.events);
        events.setId("deploy-events");
        events.getStyleClass().addAll("mono", Styles.DENSE, "deploy-events");
        events.setPrefHeight(200);
        vm.events.addListener((ListChangeListener<String>) c -> events.scrollTo(vm.events.size() - 1));
        VBox.setVgrow(events, Priority.ALWAYS);

        Label failTitle = new Label();
        failTitle.setId("deploy-failure-title");
        failTitle.getStyleClass().addAll(Styles.TITLE_4, Styles.DANGER);
        failTitle.setGraphic(new FontIcon(Feather.ALERT_OCTAGON));
        Label failMessage = new Label();
        failMessage.setId("deploy-failure-message");
        failMessage.setWrapText(true);
        Label failNext = new Label();
        failNext.setId("deploy-failure-next");
        failNext.setWrapText(true);
        failNext.getStyleClass().add("problem-fix");
        vm.failure.addListener((o, a, f) -> fill(f, failTitle, failMessage, failNext));
        Button retry = Forms.button("deploy.retry", Feather.ROTATE_CW, vm::retry);
        retry.setId("deploy-retry");
        retry.getStyleClass().add(Styles.ACCENT);
        Button fix = Forms.button("deploy.back", Feather.ARROW_LEFT, back);
        fix.setId("deploy-back");
        VBox failure = new VBox(8, failTitle, failMessage, failNext, new HBox(8, retry, fix));
        failure.getStyleClass().add("deploy-failure");
        show(failure, vm.failure.isNotNull().and(vm.deploying.not()));

        Label done = new Label(t("deploy.success"), new FontIcon(Feather.CHECK_CIRCLE));
        done.setId("deploy-success");
        done.getStyleClass().addAll(Styles.TITLE_3, Styles.SUCCESS);
        openDashboard = Forms.button("deploy.dashboard", Feather.ACTIVITY, dashboard);
        openDashboard.setId("deploy-open-dashboard");
        openDashboard.getStyleClass().add(Styles.ACCENT);
        openDashboard.setDefaultButton(true);
        VBox success = new VBox(8, done, Forms.muted(t("deploy.success.hint")), openDashboard);
        show(success, vm.succeeded);
        openDashboard.defaultButtonProperty().bind(vm.succeeded);

        Label warning = new Label();
        warning.setId("deploy-warning");
        warning.setWrapText(true);
        warning.getStyleClass().add(Styles.WARNING);
        warning.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        warning.textProperty().bind(Bindings.createStringBinding(() -> vm.lastWarning.get() == null ? ""
                : vm.lastWarning.get().oneLine(), vm.lastWarning));
        show(warning, vm.lastWarning.isNotNull().and(vm.failure.isNull()));

        root.getChildren().addAll(Forms.header("deploy"), head, rows, warning, success, failure, Forms.section("deploy.events"), events);
    }

    private static void fill(Explanation f, Label title, Label message, Label next) {
        title.setText(f == null ? "" : f.title());
        message.setText(f == null ? "" : f.message());
        next.setText(f == null || f.nextStep() == null || f.nextStep().isBlank() ? "" : t("common.next.step", f.nextStep()));
    }

    private void rebuild(DeployViewModel vm) {
        rows.getChildren().clear();
        for (DeployViewModel.Row r : vm.rows) {
            Label name = new Label(r.name);
            name.getStyleClass().add(Styles.TEXT_BOLD);
            name.setMinWidth(200);
            ProgressBar bar = new ProgressBar();
            bar.progressProperty().bind(r.progress);
            bar.setPrefWidth(260);
            Label step = new Label();
            step.textProperty().bind(r.step);
            step.setId("deploy-step-" + r.name);
            FontIcon icon = new FontIcon(Feather.LOADER);
            r.running.addListener((o, a, on) -> icon.setIconCode(on ? Feather.CHECK_CIRCLE : Feather.LOADER));
            r.failed.addListener((o, a, on) -> icon.setIconCode(on ? Feather.X_CIRCLE : Feather.LOADER));
            HBox row = new HBox(12, icon, name, bar, step);
            row.setId("deploy-row-" + r.name);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("deploy-row");
            rows.getChildren().add(row);
        }
    }

    @Override
    public Node root() {
        return root;
    }

    @Override
    public Node firstField() {
        return openDashboard;
    }
}
