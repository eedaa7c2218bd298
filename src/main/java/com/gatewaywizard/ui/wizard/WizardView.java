package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.Forms.t;

import atlantafx.base.theme.Styles;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The wizard inside the main window: a rail of the steps with their state (done, current, has problems), the current
 * step, and Back / Next (the default button: Enter) / Cancel. Views are built on first visit and kept, so going back
 * and forth never loses input.
 */
public final class WizardView {
    /** One step: its view model and how to build its view. */
    private record Step(StepViewModel vm, Supplier<StepView> factory) {
    }

    private final WizardModel model;
    private final List<Step> steps = new ArrayList<>();
    private final List<StepView> views = new ArrayList<>();
    private final List<Button> rail = new ArrayList<>();
    private final Set<Integer> visited = new HashSet<>();
    private final IntegerProperty current = new SimpleIntegerProperty(-1);
    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ScrollPane scroller = new ScrollPane(content);
    private final Button back = new Button();
    private final Button next = new Button();
    /** Beside a greyed-out Next: what the step still needs (the step's hidden "X is empty"), e.g. "Choose a subscription to continue". */
    private final Label nextWhy = new Label();
    private final Button cancel = new Button();
    /** After a successful deploy, in place of Cancel and Back. */
    private final Button openDashboard = new Button();
    private final Button newDeployment = new Button();
    private Runnable onNewDeployment;
    private final Runnable onLeave;
    private final SignInViewModel signIn;
    private final PlaceViewModel place;
    private final NetworkViewModel network;
    private final RegistryViewModel registry;
    private final ConfigViewModel config;
    private final OptionsViewModel options;
    private final ReviewViewModel review;
    private final DeployViewModel deploy;
    private ChangeListener<Boolean> validListener;

    /**
     * @param onLeave    called when the user cancels the wizard (after confirming)
     * @param onDashboard called by "Open dashboard" after a deploy
     */
    public WizardView(WizardModel model, Runnable onLeave, java.util.function.Consumer<com.gatewaywizard.ui.DashboardScope> onDashboard) {
        this.model = model;
        this.onLeave = onLeave;
        signIn = new SignInViewModel(model);
        place = new PlaceViewModel(model);
        network = new NetworkViewModel(model);
        registry = new RegistryViewModel(model);
        config = new ConfigViewModel(model);
        options = new OptionsViewModel(model);
        review = new ReviewViewModel(model);
        deploy = new DeployViewModel(model);
        steps.add(new Step(signIn, () -> new SignInView(signIn)));
        steps.add(new Step(place, () -> new PlaceView(place)));
        steps.add(new Step(network, () -> new NetworkView(network)));
        steps.add(new Step(registry, () -> new RegistryView(registry)));
        steps.add(new Step(config, () -> new ConfigView(config)));
        steps.add(new Step(options, () -> new OptionsView(options)));
        steps.add(new Step(review, () -> new ReviewView(review)));
        steps.add(new Step(deploy, () -> new DeployView(deploy, this::back)));
        openDashboard.setOnAction(e -> onDashboard.accept(deploy.dashboardScope()));
        onNewDeployment = () -> {
            model.reset();
            restart();
        };
        for (int i = 0; i < steps.size(); i++) {
            views.add(null);
        }
        root.setId("wizard");
        root.setLeft(buildRail());
        root.setCenter(buildCenter());
        root.setBottom(buildBar());
        for (Step s : steps) {
            s.vm().valid().addListener((o, a, b) -> updateRail());
            s.vm().messages().addListener((ListChangeListener<Object>) c -> updateRail());
        }
        deploy.deploying.addListener((o, a, b) -> updateBar());
        deploy.succeeded.addListener((o, a, b) -> updateBar());
        go(0);
    }

    public Parent root() {
        return root;
    }

    public WizardModel model() {
        return model;
    }

    /** The step shown (0-based). */
    public int currentIndex() {
        return current.get();
    }

    public StepViewModel step(int i) {
        return steps.get(i).vm();
    }

    public List<StepViewModel> stepModels() {
        return steps.stream().map(Step::vm).toList();
    }

    /** Back to the first step (after a reset of the model, e.g. a new deployment): nothing visited or touched. */
    public void restart() {
        deploy.resetIfIdle();
        if (validListener != null && current.get() >= 0) {
            steps.get(current.get()).vm().valid().removeListener(validListener);
            validListener = null;
        }
        current.set(-1);
        visited.clear();
        for (Step s : steps) {
            s.vm().touched.set(false);
        }
        go(0);
    }

    /** Shows the Sign-in step (from the dashboard, nobody signed in); the other steps keep what was entered. */
    public void showSignIn() {
        go(0);
    }

    /** What "New deployment" (footer, after a successful deploy) does; by default: clear the inputs and restart. */
    public void setOnNewDeployment(Runnable action) {
        onNewDeployment = action;
    }

    private Node buildRail() {
        VBox box = new VBox(4);
        box.setId("wizard-rail");
        box.getStyleClass().add("wizard-rail");
        box.setPadding(new Insets(16, 8, 16, 8));
        for (int i = 0; i < steps.size(); i++) {
            int index = i;
            String id = steps.get(i).vm().id();
            Button b = new Button((i + 1) + ". " + t("step." + id + ".rail"));
            b.setId("rail-" + id);
            b.getStyleClass().addAll("rail-step", Styles.FLAT);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setAlignment(Pos.CENTER_LEFT);
            b.setFocusTraversable(false);
            b.setOnAction(e -> jump(index));
            rail.add(b);
            box.getChildren().add(b);
        }
        box.setMinWidth(250);
        box.setPrefWidth(250);
        return box;
    }

    private Node buildCenter() {
        scroller.setFitToWidth(true);
        scroller.getStyleClass().add("wizard-content");
        content.setPadding(new Insets(20, 28, 20, 28));
        content.setAlignment(Pos.TOP_LEFT);
        Label notesTitle = new Label(t("wizard.import.notes"));
        notesTitle.getStyleClass().add(Styles.TEXT_BOLD);
        VBox notesList = new VBox(2);
        Button closeNotes = new Button(null, new FontIcon(Feather.X));
        closeNotes.getStyleClass().add(Styles.FLAT);
        closeNotes.setOnAction(e -> model.importNotes.clear());
        HBox notes = new HBox(8, new VBox(4, notesTitle, notesList), closeNotes);
        HBox.setHgrow(notes.getChildren().get(0), Priority.ALWAYS);
        notes.setId("wizard-import-notes");
        notes.getStyleClass().add("import-notes");
        Runnable fill = () -> {
            notesList.getChildren().setAll(model.importNotes.stream().map(n -> {
                Label l = new Label("\u2022 " + n);
                l.setWrapText(true);
                return (Node) l;
            }).toList());
            notes.setVisible(!model.importNotes.isEmpty());
            notes.setManaged(notes.isVisible());
        };
        model.importNotes.addListener((ListChangeListener<String>) c -> fill.run());
        fill.run();
        BorderPane center = new BorderPane(scroller);
        center.setTop(notes);
        return center;
    }

    private Node buildBar() {
        back.setText(t("wizard.back"));
        back.setId("wizard-back");
        back.setMnemonicParsing(true);
        back.setGraphic(new FontIcon(Feather.ARROW_LEFT));
        back.setOnAction(e -> back());
        next.setId("wizard-next");
        next.setMnemonicParsing(true);
        next.setDefaultButton(true);
        next.getStyleClass().add(Styles.ACCENT);
        next.setOnAction(e -> next());
        cancel.setText(t("wizard.cancel"));
        cancel.setId("wizard-cancel");
        cancel.setMnemonicParsing(true);
        cancel.setOnAction(e -> cancel());
        newDeployment.setText(t("wizard.new"));
        newDeployment.setId("wizard-new-deployment");
        newDeployment.setMnemonicParsing(true);
        newDeployment.setGraphic(new FontIcon(Feather.PLUS_CIRCLE));
        newDeployment.setOnAction(e -> onNewDeployment.run());
        openDashboard.setText(t("deploy.dashboard"));
        openDashboard.setId("deploy-open-dashboard");
        openDashboard.setMnemonicParsing(true);
        openDashboard.setGraphic(new FontIcon(Feather.ACTIVITY));
        openDashboard.getStyleClass().add(Styles.ACCENT);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        nextWhy.setId("wizard-next-why");
        nextWhy.getStyleClass().add("text-muted");
        nextWhy.setWrapText(true);
        nextWhy.setMinWidth(0);
        nextWhy.visibleProperty().bind(next.disabledProperty().and(next.visibleProperty()).and(nextWhy.textProperty().isNotEmpty()));
        nextWhy.managedProperty().bind(nextWhy.visibleProperty());
        HBox bar = new HBox(10, cancel, spacer, nextWhy, back, next, newDeployment, openDashboard);
        bar.setId("wizard-bar");
        bar.getStyleClass().add("wizard-bar");
        bar.setPadding(new Insets(10, 16, 10, 16));
        bar.setAlignment(Pos.CENTER_RIGHT);
        return bar;
    }

    public void next() {
        int i = current.get();
        if (i < steps.size() - 1 && steps.get(i).vm().valid().get()) {
            go(i + 1);
        }
    }

    public void back() {
        int i = current.get();
        if (i > 0 && !deploy.deploying.get()) {
            go(i - 1);
        }
    }

    /** Rail click: any visited step, or the next one when every step before it is valid. */
    private void jump(int target) {
        if (deploy.deploying.get() || target == current.get()) {
            return;
        }
        for (int k = 0; k < target; k++) {
            if (!steps.get(k).vm().valid().get()) {
                return;
            }
        }
        if (target == steps.size() - 1 && current.get() != steps.size() - 2) {
            return; // deploy only from the review
        }
        go(target);
    }

    private java.util.function.BooleanSupplier somethingToKeep = () -> true;

    /** Whether the wizard holds choices a draft keeps; when not, Cancel leaves without asking (nothing is lost). */
    public void setSomethingToKeep(java.util.function.BooleanSupplier s) {
        somethingToKeep = s == null ? () -> true : s;
    }

    private void cancel() {
        if (deploy.deploying.get()) {
            deploy.cancel();
            return;
        }
        if (!somethingToKeep.getAsBoolean()) {
            onLeave.run();
            return;
        }
        ButtonType stay = new ButtonType(t("wizard.cancel.stay"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType leave = new ButtonType(t("wizard.cancel.leave"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, t("wizard.cancel.message"), stay, leave);
        a.setTitle(t("wizard.cancel.title"));
        a.setHeaderText(t("wizard.cancel.header"));
        a.getDialogPane().setId("wizard-cancel-dialog");
        if (root.getScene() != null) {
            a.initOwner(root.getScene().getWindow());
        }
        a.showAndWait().filter(b -> b == leave).ifPresent(b -> onLeave.run());
    }

    private void go(int i) {
        int old = current.get();
        if (old >= 0) {
            visited.add(old);
        }
        if (old == steps.size() - 1 && i < old) {
            deploy.resetIfIdle();
        }
        StepView v = views.get(i);
        if (v == null) {
            v = steps.get(i).factory().get();
            views.set(i, v);
        }
        if (validListener != null && old >= 0) {
            steps.get(old).vm().valid().removeListener(validListener);
        }
        current.set(i);
        visited.add(i);
        content.getChildren().setAll(v.root());
        scroller.setVvalue(0);
        validListener = (o, a, b) -> updateBar();
        steps.get(i).vm().valid().addListener(validListener);
        nextWhy.textProperty().bind(steps.get(i).vm().nextBlockedByProperty());
        steps.get(i).vm().entered();
        updateBar();
        updateRail();
        Node first = v.firstField() == null || v.firstField().isDisabled() || !v.firstField().isVisible() ? next : v.firstField();
        Platform.runLater(() -> {
            if (first != null && first.getScene() != null) {
                first.requestFocus();
            }
        });
    }

    private void updateBar() {
        int i = current.get();
        if (i < 0) {
            return;
        }
        boolean last = i == steps.size() - 1;
        boolean isReview = i == steps.size() - 2;
        next.setText(t(isReview ? "wizard.deploy" : "wizard.next"));
        next.setGraphic(new FontIcon(isReview ? Feather.UPLOAD_CLOUD : Feather.ARROW_RIGHT));
        next.setVisible(!last);
        next.setManaged(!last);
        next.setDefaultButton(!last);
        next.setDisable(!steps.get(i).vm().valid().get());
        back.setDisable(i == 0 || deploy.deploying.get());
        cancel.setText(t(last && deploy.deploying.get() ? "deploy.cancel" : "wizard.cancel"));
        boolean done = last && deploy.succeeded.get() && !deploy.deploying.get();
        for (Button b : List.of(cancel, back)) {
            b.setVisible(!done);
            b.setManaged(!done);
        }
        for (Button b : List.of(newDeployment, openDashboard)) {
            b.setVisible(done);
            b.setManaged(done);
        }
        openDashboard.setDefaultButton(done);
        if (done && openDashboard.getScene() != null) {
            Platform.runLater(openDashboard::requestFocus);
        }
    }

    private void updateRail() {
        int cur = current.get();
        for (int i = 0; i < rail.size(); i++) {
            Button b = rail.get(i);
            StepViewModel vm = steps.get(i).vm();
            boolean valid = vm.valid().get();
            b.getStyleClass().removeAll("current", "done", "has-problems");
            Feather icon;
            if (i == cur) {
                b.getStyleClass().add("current");
                icon = Feather.CHEVRONS_RIGHT;
            } else if (visited.contains(i) && !valid && i != steps.size() - 1) {
                b.getStyleClass().add("has-problems");
                icon = Feather.ALERT_CIRCLE;
            } else if (visited.contains(i) && valid) {
                b.getStyleClass().add("done");
                icon = Feather.CHECK_CIRCLE;
            } else {
                icon = Feather.CIRCLE;
            }
            b.setGraphic(new FontIcon(icon));
            String state = b.getStyleClass().contains("current") ? t("rail.current")
                    : b.getStyleClass().contains("done") ? t("rail.done")
                    : b.getStyleClass().contains("has-problems") ? t("rail.problems") : t("rail.todo");
            b.setAccessibleText(b.getText() + ", " + state);
        }
    }

    public SignInViewModel signIn() {
        return signIn;
    }

    public PlaceViewModel place() {
        return place;
    }

    public NetworkViewModel network() {
        return network;
    }

    public ReviewViewModel review() {
        return review;
    }

    public DeployViewModel deploy() {
        return deploy;
    }

    public ConfigViewModel config() {
        return config;
    }

    public OptionsViewModel options() {
        return options;
    }

    public RegistryViewModel registry() {
        return registry;
    }
}
