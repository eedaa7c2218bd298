package com.gatewaywizard.ui;

import atlantafx.base.theme.Styles;
import com.gatewaywizard.AppInfo;
import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.azure.CloudKind;
import com.gatewaywizard.manifest.ImportResult;
import com.gatewaywizard.manifest.ImportedDocument;
import com.gatewaywizard.manifest.ManifestReader;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.Severity;
import com.gatewaywizard.ui.dashboard.DashboardView;
import com.gatewaywizard.ui.wizard.DraftStore;
import com.gatewaywizard.ui.wizard.SignInChoices;
import com.gatewaywizard.ui.wizard.WizardModel;
import com.gatewaywizard.ui.wizard.WizardView;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.animation.PauseTransition;
import javafx.beans.Observable;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The one main window: a banner while the training simulator is in use, a slim header (who is signed in, zoom), and
 * the page shown: start page, wizard or dashboard. Remembers its size, position and zoom; saves the wizard's draft
 * (without secrets) as the user goes.
 */
public final class MainWindow implements Navigator {
    /** How the window starts. {@code dark}: null follows the OS. */
    /**
     * How the window starts: on the simulator or not, the theme (null: the OS's), the simulator's options, how to
     * sign in, whether to remember the window, the remembered settings (null: defaults), and the dashboard to open
     * at once ({@code --dashboard [--subscription S] [--resource-group RG]}; null: the start page), and the simulator
     * to sign in to: {@code --simulator=URL} a separately started {@code gateway-wizard simulator}, "" the built-in one
     * ({@code --simulator}), null when the command line says nothing (the remembered sign-in choices decide).
     */
    public record Options(boolean simulator, Boolean dark, SimulatorOptions simulatorOptions, Connector connector,
            boolean rememberWindow, Settings initialSettings, DashboardScope dashboard, String simulatorAddress) {
        public Options(boolean simulator, Boolean dark, SimulatorOptions simulatorOptions, Connector connector,
                boolean rememberWindow) {
            this(simulator, dark, simulatorOptions, connector, rememberWindow, null, null);
        }

        public Options(boolean simulator, Boolean dark, SimulatorOptions simulatorOptions, Connector connector,
                boolean rememberWindow, Settings initialSettings) {
            this(simulator, dark, simulatorOptions, connector, rememberWindow, initialSettings, null);
        }

        public Options(boolean simulator, Boolean dark, SimulatorOptions simulatorOptions, Connector connector,
                boolean rememberWindow, Settings initialSettings, DashboardScope dashboard) {
            this(simulator, dark, simulatorOptions, connector, rememberWindow, initialSettings, dashboard, null);
        }

        public static Options fromArgs(List<String> args, Connector connector) {
            return fromArgs(args, connector, null);
        }

        /**
         * {@code initialSettings} are the remembered window settings, read before the FX thread starts (DesktopApp's
         * init runs on the launcher thread); null means the defaults, so the FX thread never reads the disk.
         * {@code --scenario NAME} picks the built-in simulator's scenario (the Launcher has checked the name).
         */
        public static Options fromArgs(List<String> args, Connector connector, Settings initialSettings) {
            Boolean dark = args.contains("--dark") || Boolean.getBoolean("gatewaywizard.dark") ? Boolean.TRUE
                    : args.contains("--light") ? Boolean.FALSE : null;
            SimulatorOptions sim = SimulatorOptions.defaults();
            String scenario = value(args, "--scenario");
            if (scenario != null) {
                sim = sim.withScenario(com.gatewaywizard.simulator.Scenario.parse(scenario).orElse(sim.scenario()));
            }
            // no lambdas here: a lambda's class joins this record's nest and so loads MainWindow before the first frame
            DashboardScope dashboard = args.contains("--dashboard")
                    ? new DashboardScope(value(args, "--subscription"), value(args, "--resource-group"), null) : null;
            // --simulator: the built-in simulator (""); --simulator=URL (or --simulator URL): a separately started one
            boolean onSimulator = false;
            for (String a : args) {
                onSimulator |= a.equals("--simulator") || a.startsWith("--simulator=");
            }
            String address = onSimulator ? value(args, "--simulator") : null;
            return new Options(onSimulator, dark, sim, connector, true, initialSettings, dashboard,
                    onSimulator && address == null ? "" : address);
        }

        /** The value of {@code flag} given as {@code flag VALUE} or {@code flag=VALUE}; null when absent or empty. */
        static String value(List<String> args, String flag) {
            for (int i = 0; i < args.size(); i++) {
                String a = args.get(i);
                String v = a.startsWith(flag + "=") ? a.substring(flag.length() + 1)
                        : a.equals(flag) && i + 1 < args.size() && !args.get(i + 1).startsWith("--") ? args.get(i + 1) : null;
                if (v != null && !v.isBlank()) {
                    return v.trim();
                }
            }
            return null;
        }
    }

    private final Stage stage;
    private final Options options;
    private final AppContext context;
    private final BorderPane root = new BorderPane();
    private final StartPage start;
    private final WizardModel model;
    private final DraftStore drafts = new DraftStore();
    private final PauseTransition draftDelay = new PauseTransition(Duration.millis(500));
    private final PauseTransition settingsDelay = new PauseTransition(Duration.seconds(1));
    private WizardView wizard;
    private DashboardView dashboard;
    /** Set while the wizard's Sign-in step was opened from the dashboard: returns there once signed in. */
    private javafx.beans.value.ChangeListener<AzureServices> returnAfterSignIn;
    /** The sign-in choices read from {@code signin.json}, until the wizard's form takes them. */
    private SignInChoices rememberedSignIn;
    /** The user changed a sign-in input: remembered choices read later do not overwrite it. */
    private boolean signInEdited;
    private boolean applyingSignIn;
    private final PauseTransition signInDelay = new PauseTransition(Duration.millis(500));
    private Settings settings;
    private boolean draftEnabled;

    public MainWindow(Stage stage, Options options) {
        this.stage = stage;
        this.options = options;
        this.context = new AppContext(Texts.bundle(), this);
        context.setConnector(options.connector());
        context.setSimulatorSession(new SimulatorSession(options.simulatorOptions()));
        context.simulatorProperty().set(options.simulator());
        if (options.simulatorAddress() != null) {
            context.simulatorAddressProperty().set(options.simulatorAddress());
        }
        this.model = new WizardModel(context);
        this.settings = options.initialSettings() != null ? options.initialSettings() : Settings.defaults();

        Label banner = new Label(Texts.get("simulator.banner"), new FontIcon(Feather.ALERT_TRIANGLE));
        banner.setId("simulator-banner");
        banner.getStyleClass().add("simulator-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        // a separately started simulator is named, so a trainer sees which one the app and the CLI share
        banner.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String at = context.simulatorAddressProperty().get();
            boolean external = context.services() != null && context.services().cloud() == CloudKind.SIMULATOR
                    && at != null && !at.isBlank() && com.gatewaywizard.azure.SimulatorAddress.fault(at) == null;
            return external ? Texts.get("simulator.banner.at", com.gatewaywizard.azure.SimulatorAddress.parse(at))
                    : Texts.get("simulator.banner");
        }, context.simulatorAddressProperty(), context.servicesProperty()));
        // on the simulator: switched on (start page, --simulator) or signed in to it from the sign-in form
        javafx.beans.binding.BooleanBinding onSimulator = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> context.simulatorProperty().get() || (context.services() != null
                        && context.services().cloud() == com.gatewaywizard.azure.CloudKind.SIMULATOR),
                context.simulatorProperty(), context.servicesProperty());
        banner.visibleProperty().bind(onSimulator);
        banner.managedProperty().bind(onSimulator);
        root.setTop(new VBox(banner, header()));
        root.setId("main-window");

        start = new StartPage(context.texts(), options.simulator());
        start.simulatorProperty().bindBidirectional(context.simulatorProperty());
        start.setActions(this::newDeployment, this::importManifest, () -> showDashboard(DashboardScope.all()), this::resumeDraft);
        context.simulatorProperty().addListener((o, a, on) -> simulatorSwitched(on));
        // the start page's switch says what the session is: on once signed in to a simulator from the sign-in form,
        // off once signed out of it or signed in to Azure instead (each a no-op for simulatorSwitched)
        context.servicesProperty().addListener((o, a, s) -> {
            boolean onSimulatorNow = s != null && s.cloud() == CloudKind.SIMULATOR;
            if (onSimulatorNow && !context.simulatorProperty().get()) {
                context.simulatorProperty().set(true);
            } else if (!onSimulatorNow && a != null && a.cloud() == CloudKind.SIMULATOR && context.simulatorProperty().get()) {
                context.simulatorProperty().set(false);
            }
        });
        // a new session builds its SDK clients in the background while the user reads the next step (no HTTP call)
        context.servicesProperty().addListener((o, a, s) -> {
            if (s != null) {
                s.prepare();
            }
        });

        for (Observable o : model.draftInputs()) {
            o.addListener(x -> {
                if (draftEnabled) {
                    draftTouched = true;
                    draftDelay.playFromStart();
                }
            });
        }
        draftDelay.setOnFinished(e -> saveDraft());
        signInDelay.setOnFinished(e -> saveSignInChoices());
        if (options.rememberWindow()) {
            Tasks.run(() -> SignInChoices.load(signInFile)).onSuccess(found -> {
                showFileNotices(); // a damaged sign-in file was set aside: say so
                found.ifPresent(c -> {
                    if (options.simulatorAddress() == null && !signInEdited) {
                        context.simulatorAddressProperty().set(c.simulatorAddress() == null ? "" : c.simulatorAddress());
                    }
                    rememberedSignIn = c;
                    applyRememberedSignIn();
                });
            }).start();
        }

        // The first paint's scene (DesktopApp.start) is taken over: the stage is already shown and placed.
        Scene shown = stage.getScene();
        boolean takeOver = shown != null && shown.getProperties().remove(FirstPaint.SCENE_KEY) != null;
        Scene scene;
        if (takeOver) {
            scene = shown;
            scene.setRoot(root);
        } else {
            scene = FirstPaint.sceneFor(stage, root, settings);
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), () -> zoom(0.1));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHORTCUT_DOWN), () -> zoom(0.1));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ADD, KeyCombination.SHORTCUT_DOWN), () -> zoom(0.1));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), () -> zoom(-0.1));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.SUBTRACT, KeyCombination.SHORTCUT_DOWN), () -> zoom(-0.1));
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), () -> setZoom(1.0));
        applyZoom();
        applyTheme(Boolean.TRUE.equals(options.dark())); // also after the first paint, which had only a few of its rules
        if (options.dark() == null) {
            Tasks.run(OsTheme::askAndRemember).onSuccess(d -> { // the next start's first frame is drawn in it
                if (d) {
                    applyTheme(true);
                }
            }).start();
        }

        stage.setTitle(AppInfo.NAME);
        for (int size : new int[] {16, 24, 32, 48, 64, 128, 256, 512, 1024}) {
            var url = MainWindow.class.getResource("icons/gateway-wizard-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new javafx.scene.image.Image(url.toExternalForm(), true));
            }
        }
        if (!takeOver) {
            FirstPaint.place(stage, settings);
            stage.setScene(scene);
        }
        // the window's objects live as long as its stage (bindings to them are weak)
        stage.getProperties().put(MainWindow.class, this);
        root.setUserData(this);
        if (options.rememberWindow()) {
            for (Observable o : List.of(stage.xProperty(), stage.yProperty(), stage.widthProperty(), stage.heightProperty(),
                    stage.maximizedProperty())) {
                o.addListener(x -> settingsDelay.playFromStart());
            }
        }
        settingsDelay.setOnFinished(e -> {
            if (stage.getScene() != scene) {
                return; // another window took over this stage (tests)
            }
            if (!stage.isMaximized()) {
                settings = settings.withBounds(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
            } else {
                settings = settings.withBounds(settings.x(), settings.y(), settings.width(), settings.height(), true);
            }
            saveSettings();
        });
        stage.setOnHidden(e -> close());
        showStart();
        if (context.simulatorProperty().get()) {
            simulatorSwitched(true);
        }
        if (options.dashboard() != null) {
            showDashboard(options.dashboard());
        }
    }

    public AppContext context() {
        return context;
    }

    public WizardModel model() {
        return model;
    }

    /** The dashboard while it is shown, else null. */
    public DashboardView dashboard() {
        return dashboard;
    }

    /** The wizard, once shown. */
    public WizardView wizard() {
        return wizard;
    }

    public StartPage startPage() {
        return start;
    }

    public Parent root() {
        return root;
    }

    private HBox header() {
        Label app = new Label(AppInfo.NAME);
        app.getStyleClass().add(Styles.TEXT_BOLD);
        Label who = new Label();
        who.setId("header-account");
        who.getStyleClass().add(Styles.TEXT_MUTED);
        who.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            AzureServices s = context.services();
            return s == null ? Texts.get("header.signed.out") : Texts.get("signin.who", s.cloud().displayName(), s.account());
        }, context.servicesProperty()));
        Button smaller = new Button("A\u2212");
        smaller.setId("zoom-out");
        smaller.setAccessibleText(Texts.get("header.zoom.out"));
        smaller.setTooltip(new javafx.scene.control.Tooltip(Texts.get("header.zoom.out")));
        smaller.setOnAction(e -> zoom(-0.1));
        Button larger = new Button("A+");
        larger.setId("zoom-in");
        larger.setAccessibleText(Texts.get("header.zoom.in"));
        larger.setTooltip(new javafx.scene.control.Tooltip(Texts.get("header.zoom.in")));
        larger.setOnAction(e -> zoom(0.1));
        for (Button b : List.of(smaller, larger)) {
            b.getStyleClass().addAll(Styles.FLAT, Styles.SMALL);
            b.setFocusTraversable(false);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox h = new HBox(10, app, spacer, who, smaller, larger);
        h.setAlignment(Pos.CENTER_LEFT);
        h.setPadding(new Insets(6, 16, 6, 16));
        h.getStyleClass().add("app-header");
        return h;
    }

    // ---- navigation ----------------------------------------------------------------------------------------------

    @Override
    public void showStart() {
        cancelReturnAfterSignIn();
        draftEnabled = false;
        disposeDashboard();
        root.setCenter(start.root());
        Tasks.run(drafts::load).onSuccess(found -> {
            start.offerDraft(found.draft().isPresent() ? found.savedAt() : null);
            draftNotice = found.notice().orElse("");
            showFileNotices();
        }).start();
    }

    /** This visit's notice of a draft set aside (shown once, as the draft store says it once). */
    private String draftNotice = "";
    /** What the app's other files had to say this session: shown on the start page until the app is closed. */
    private final List<String> fileNotices = new ArrayList<>();

    /** The start page's notices: the draft's, and the files' (new ones are logged too); on the FX thread. */
    private void showFileNotices() {
        for (String n : FileNotices.take()) {
            org.slf4j.LoggerFactory.getLogger(MainWindow.class).warn("{}", n);
            fileNotices.add(n);
        }
        List<String> all = new ArrayList<>();
        if (!draftNotice.isEmpty()) {
            all.add(draftNotice);
        }
        all.addAll(fileNotices);
        start.notice(String.join("\n", all));
    }

    @Override
    public void showWizard() {
        if (wizard == null) {
            wizard = new WizardView(model, this::leaveWizard, this::showDashboard);
            wizard.setSomethingToKeep(() -> draftTouched); // nothing chosen yet: Cancel leaves without a question
            applyRememberedSignIn();
            for (Observable o : wizard.signIn().choiceInputs()) {
                o.addListener(x -> {
                    if (!applyingSignIn) {
                        signInEdited = true;
                        if (options.rememberWindow()) {
                            signInDelay.playFromStart();
                        }
                    }
                });
            }
            wizard.setOnNewDeployment(this::newDeployment);
            wizard.deploy().succeeded.addListener((o, a, ok) -> {
                if (ok) {
                    draftEnabled = false;
                    Tasks.run(() -> {
                        drafts.delete();
                        return null;
                    }).start();
                }
            });
        }
        disposeDashboard();
        root.setCenter(wizard.root());
        draftEnabled = true;
    }

    /** The dashboard view of {@code ui.dashboard}, on the given scope; the previous one is disposed. */
    @Override
    public void showDashboard(DashboardScope scope) {
        cancelReturnAfterSignIn();
        draftEnabled = false;
        disposeDashboard();
        dashboard = new DashboardView(context, scope);
        root.setCenter(dashboard.root());
    }

    /** The dashboard's "Sign in to Azure": the wizard's Sign-in step, then back to the dashboard once signed in. */
    @Override
    public void showSignIn(DashboardScope returnTo) {
        showWizard();
        wizard.showSignIn();
        cancelReturnAfterSignIn();
        returnAfterSignIn = (o, a, signedIn) -> {
            if (signedIn != null && wizard != null && root.getCenter() == wizard.root()) {
                showDashboard(returnTo);
            }
        };
        context.servicesProperty().addListener(returnAfterSignIn);
    }

    private void cancelReturnAfterSignIn() {
        if (returnAfterSignIn != null) {
            context.servicesProperty().removeListener(returnAfterSignIn);
            returnAfterSignIn = null;
        }
    }

    private void disposeDashboard() {
        if (dashboard != null) {
            dashboard.dispose();
            dashboard = null;
        }
    }

    // ---- start page actions --------------------------------------------------------------------------------------

    /** A clean wizard (the sign-in is kept): inputs cleared, no step visited, no stale deploy result. */
    private void newDeployment() {
        draftEnabled = false;
        model.reset();
        showWizard();
        wizard.restart();
        draftTouched = false;
    }

    private void resumeDraft() {
        Tasks.run(drafts::load).onSuccess(found -> found.draft().ifPresentOrElse(draft -> {
            draftEnabled = false;
            model.reset();
            model.fromDraft(draft);
            showWizard();
            wizard.restart();
            draftTouched = true;
        }, () -> {
            start.offerDraft(null);
            draftNotice = found.notice().orElse("");
            showFileNotices();
        })).start();
    }

    private void importManifest() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Texts.get("import.title"));
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(Texts.get("import.filter"), "*.yml", "*.yaml", "*.json"),
                new FileChooser.ExtensionFilter(Texts.get("import.filter.all"), "*"));
        File f = fc.showOpenDialog(stage);
        if (f != null) {
            importFile(f.toPath());
        }
    }

    /** Reads a manifest in the background and fills the wizard from it, listing what could not be used. */
    public void importFile(Path file) {
        Tasks.run(() -> ManifestReader.read(file))
                .onSuccess(result -> applyImport(file, result))
                .onError(e -> alert(Texts.get("import.failed"), Explain.of(e).message()))
                .start();
    }

    private void applyImport(Path file, ImportResult result) {
        if (result.unreadable() || result.documents().isEmpty()
                || result.documents().stream().allMatch(d -> d.spec().isEmpty())) {
            alert(Texts.get("import.failed"), String.join("\n", result.allProblems().stream().map(Problem::format).toList()));
            return;
        }
        ImportedDocument first = result.documents().stream().filter(d -> d.spec().isPresent()).findFirst().orElseThrow();
        GatewaySpec spec = first.spec().orElseThrow();
        List<String> notes = new ArrayList<>();
        notes.add(Texts.get("import.from", file.getFileName()));
        var subnet = com.gatewaywizard.spec.SubnetId.parse(spec.subnetId());
        if (spec.resourceGroup().isBlank() && subnet.isPresent()) {
            spec = spec.toBuilder().resourceGroup(subnet.get().resourceGroup()).build();
            notes.add(Texts.get("import.group", subnet.get().resourceGroup()));
        }
        int docs = (int) result.documents().stream().filter(d -> d.spec().isPresent()).count();
        draftEnabled = false;
        model.reset();
        model.apply(spec.toBuilder().instances(Math.max(spec.instances(), docs)).build());
        for (Problem p : result.allProblems()) {
            if (p.severity() != Severity.INFO || p.code().contains("DROPPED") || p.code().contains("UNMAPPED")) {
                notes.add(p.message() + (p.fix().isEmpty() ? "" : " \u2014 " + p.fix()));
            }
        }
        if (spec.dockerPat().isEmpty() || spec.gatewayConfig().isEmpty()) {
            notes.add(Texts.get("import.secrets"));
        }
        model.importNotes.setAll(notes);
        showWizard();
        wizard.restart();
        draftTouched = true; // the manifest's choices are worth a draft (and a question on Cancel)
        saveDraft();
    }

    private void alert(String header, String text) {
        Alert a = new Alert(Alert.AlertType.ERROR, text, ButtonType.OK);
        a.setHeaderText(header);
        a.initOwner(stage);
        a.show();
    }

    // ---- simulator -----------------------------------------------------------------------------------------------

    private void simulatorSwitched(boolean on) {
        AzureServices s = context.services();
        if (on) {
            if (s != null && s.cloud() == CloudKind.SIMULATOR) {
                return;
            }
            SimulatorSession session = context.simulatorSession();
            Connector connector = context.connector();
            String address = context.simulatorAddressProperty().get();
            String bad = com.gatewaywizard.ui.wizard.SignInViewModel.addressProblem(address);
            if (!bad.isEmpty()) { // a remembered address that cannot be used: say so, as the sign-in form does
                alert(Texts.get("simulator.failed.at"), bad);
                return;
            }
            Tasks.run(() -> {
                AzureServices services = connector.connect(SimulatorSession.request(session, address));
                if (address != null && !address.isBlank()) {
                    try {
                        services.subscriptions(); // a separately started simulator: prove it answers, as the form does
                    } catch (RuntimeException e) {
                        services.close();
                        throw e;
                    }
                }
                return services;
            })
                    .onSuccess(services -> {
                        if (!context.simulatorProperty().get()) {
                            services.close();
                            return;
                        }
                        AzureServices old = context.services();
                        context.servicesProperty().set(services);
                        if (old != null) {
                            Tasks.run(() -> {
                                old.close();
                                return null;
                            }).start();
                        }
                    })
                    .onError(e -> alert(Texts.get(address == null || address.isBlank() ? "simulator.failed"
                            : "simulator.failed.at"), Explain.simulatorLine(e, address)))
                    .start();
        } else if (s != null && s.cloud() == CloudKind.SIMULATOR) {
            context.servicesProperty().set(null);
            Tasks.run(() -> {
                s.close();
                return null;
            }).start();
        }
    }

    // ---- draft, settings, theme, zoom ----------------------------------------------------------------------------

    private void saveDraft() {
        saveDraftThen(() -> { });
    }

    private void saveDraftThen(Runnable after) {
        var draft = model.toDraft();
        Tasks.run(() -> {
            drafts.save(draft);
            return null;
        }).andFinally(after).start();
    }

    /** Whether this wizard visit has choices a draft keeps (a resumed draft, or anything changed since it began). */
    private boolean draftTouched;

    /**
     * Cancel, confirmed: a draft save still waiting for the typing to pause is made now, then the start page, which
     * offers the draft (as the confirmation promised).
     */
    private void leaveWizard() {
        if (draftEnabled && draftDelay.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            draftDelay.stop();
            draftEnabled = false;
            saveDraftThen(this::showStart);
        } else {
            showStart();
        }
    }

    /** The remembered sign-in choices into the form, once both exist and unless the user has typed there already. */
    private void applyRememberedSignIn() {
        SignInChoices c = rememberedSignIn;
        if (c == null || wizard == null || signInEdited) {
            return;
        }
        rememberedSignIn = null;
        applyingSignIn = true;
        try {
            // --simulator[=URL] or the start page's switch chose the simulator: that stays as it is
            wizard.signIn().apply(c, options.simulatorAddress() != null || context.simulatorProperty().get());
        } finally {
            applyingSignIn = false;
        }
    }

    private boolean signInSaveFailed;
    /** Where this window keeps its sign-in choices: the data folder it started with (read once, not at each save). */
    private final java.nio.file.Path signInFile = SignInChoices.file();

    private void saveSignInChoices() {
        SignInChoices c = wizard.signIn().toChoices();
        Tasks.run(() -> {
            c.save(signInFile);
            return null;
        }).onError(e -> {
            if (!signInSaveFailed) { // once a session: the sign-in form's choices will not be there next time
                signInSaveFailed = true;
                FileNotices.add(java.text.MessageFormat.format(Texts.get("signin.choices.notSaved"), signInFile,
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
                showFileNotices();
            }
        }).start();
    }

    private void saveSettings() {
        if (!options.rememberWindow()) {
            return;
        }
        Settings s = settings;
        Tasks.run(() -> {
            s.save();
            return null;
        }).start();
    }

    private void zoom(double delta) {
        setZoom(Math.round((settings.zoom() + delta) * 10) / 10.0);
    }

    public void setZoom(double z) {
        settings = settings.withZoom(z);
        applyZoom();
        saveSettings();
    }

    private void applyZoom() {
        root.setStyle(FirstPaint.zoomStyle(settings.zoom()));
    }

    /** Light or dark AtlantaFX theme for the whole app. */
    public static void applyTheme(boolean dark) {
        FirstPaint.applyTheme(dark);
    }

    private void close() {
        AzureServices s = context.services();
        SimulatorSession sim = context.simulatorSession();
        Tasks.run(() -> {
            if (s != null) {
                s.close();
            }
            if (sim != null) {
                sim.close();
            }
            return null;
        }).start();
    }
}
