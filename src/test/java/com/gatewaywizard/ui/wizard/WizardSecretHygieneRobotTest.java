package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.WizardHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.state.keychain.PrivateSecretService;
import com.gatewaywizard.state.keychain.SavedSecrets;
import com.gatewaywizard.state.keychain.SecretServiceKeychain;
import javafx.scene.control.CheckBox;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Secret hygiene in the desktop app: the wizard driven to a running gateway on the simulator with debug logging on,
 * the preview copied to the clipboard. Then the text of every node of every window (labels, fields other than the
 * password fields the user typed into, tooltips, accessible text), the clipboard, every captured log event and
 * every file under the data folder (draft, settings, logs) are searched for the Docker Hub token and the gateway
 * config in clear, base64, url-safe base64 and URL-encoded forms: zero hits.
 */
@ExtendWith(ApplicationExtension.class)
class WizardSecretHygieneRobotTest {
    static final String PAT = TestConfigs.fakePat("WizardHygiene");
    static final TestConfigs.Parts PARTS = TestConfigs.parts();
    static final String CONFIG = TestConfigs.encode(PARTS);

    Path dataDir;
    String oldHome;
    WizardHarness h;
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    Map<String, Level> oldLevels = new HashMap<>();
    ch.qos.logback.core.Appender<ILoggingEvent> console;

    Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dataDir = Files.createTempDirectory("gw-hygiene-ui");
        oldHome = System.getProperty("gatewaywizard.home");
        System.setProperty("gatewaywizard.home", dataDir.toString());
        for (String name : List.of(org.slf4j.Logger.ROOT_LOGGER_NAME, "com.gatewaywizard", "com.azure")) {
            Logger l = (Logger) LoggerFactory.getLogger(name);
            oldLevels.put(name, l.getLevel());
            l.setLevel(Level.DEBUG);
        }
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        // Debug events are captured, not printed: printing thousands of them slows the UI down on a busy machine.
        console = root.getAppender("STDERR");
        if (console != null) {
            root.detachAppender(console);
        }
        root.addAppender(logs);
        h = new WizardHarness(stage, SimulatorOptions.instant(), 0);
    }

    @AfterEach
    void stop() {
        h.close();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAppender(logs);
        if (console != null) {
            root.addAppender(console);
        }
        oldLevels.forEach((name, level) -> ((Logger) LoggerFactory.getLogger(name)).setLevel(level));
        if (oldHome == null) {
            System.clearProperty("gatewaywizard.home");
        } else {
            System.setProperty("gatewaywizard.home", oldHome);
        }
    }

    private static Map<String, String> forms() {
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("PAT", PAT);
        secrets.put("config", CONFIG);
        secrets.put("config JSON", TestConfigs.json(PARTS));
        for (int i = 0; i < PARTS.secretValues().size(); i++) {
            secrets.put("config value " + i, PARTS.secretValues().get(i));
        }
        Map<String, String> f = new LinkedHashMap<>();
        for (Map.Entry<String, String> s : secrets.entrySet()) {
            byte[] b = s.getValue().getBytes(StandardCharsets.UTF_8);
            f.put(s.getKey(), s.getValue());
            f.put(s.getKey() + " base64", Base64.getEncoder().encodeToString(b));
            f.put(s.getKey() + " url-safe base64", Base64.getUrlEncoder().withoutPadding().encodeToString(b));
            f.put(s.getKey() + " URL-encoded", URLEncoder.encode(s.getValue(), StandardCharsets.UTF_8));
        }
        return f;
    }

    private final List<String> hits = new ArrayList<>();

    private void scan(String where, String text) {
        if (text == null) {
            return;
        }
        forms().forEach((label, value) -> {
            if (text.contains(value)) {
                hits.add(where + " holds the " + label);
            }
        });
    }

    private int nodes;

    private void scanNode(Node n, String path) {
        nodes++;
        String where = path + "/" + n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId());
        if (n instanceof Labeled l) {
            scan(where + " text", l.getText());
        }
        if (n instanceof TextInputControl t && !(n instanceof PasswordField) && !isSecretInput(n)) {
            scan(where + " text", t.getText());
            scan(where + " prompt", t.getPromptText());
        }
        if (n instanceof Control c && c.getTooltip() != null) {
            scan(where + " tooltip", c.getTooltip().getText());
        }
        scan(where + " accessible text", n.getAccessibleText());
        scan(where + " accessible help", n.getAccessibleHelp());
        if (n instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                scanNode(child, where);
            }
        }
    }

    /** The fields the user typed the secrets into (a revealed secret field shows what was typed, by design). */
    private static boolean isSecretInput(Node n) {
        String id = n.getId();
        return id != null && List.of("registry-pat-input", "registry-pat-clear", "config-value-input", "config-value-clear",
                "signin-secret-input", "signin-secret-clear").contains(id);
    }

    private int scanFiles(String when) throws java.io.IOException {
        int files = 0;
        try (Stream<Path> s = Files.walk(dataDir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                files++;
                scan("file " + dataDir.relativize(p) + " " + when, new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1));
            }
        }
        return files;
    }

    private void pressNext(FxRobot robot, String expectStep) {
        waitFor("Next enabled before " + expectStep, 60, () -> !robot.lookup("#wizard-next").queryButton().isDisabled());
        robot.clickOn("#wizard-next");
        waitFor("step " + expectStep, 30, () -> robot.lookup("#step-" + expectStep).tryQuery().isPresent());
    }

    @Test
    void noSecretInAnyNodeTheClipboardALogOrAFileAfterAWizardDeploy(FxRobot robot) throws Exception {
        deployAndScan(robot, null, null);
    }

    /**
     * The same with "Remember in the OS keychain" on, against a real (private) Secret Service: the secrets are saved
     * after the deploy and read back by the next start of the app. On top of the scans above, a recording
     * {@code secret-tool} first on the keychain's PATH logs every command line and environment it was started with:
     * the secrets are in none of them (they go on standard input only).
     */
    @Test
    void noSecretLeaksWithTheOsKeychainOptInOnAndSecretToolNeverGetsThemOnItsCommandLine(FxRobot robot) throws Exception {
        try (PrivateSecretService service = PrivateSecretService.start()) {
            Path bin = Files.createTempDirectory("gw-hygiene-bin");
            Path calls = bin.resolve("secret-tool-calls.log");
            Path script = bin.resolve("secret-tool");
            String realTool = Stream.of(service.env().get("PATH").split(":")).map(d -> Path.of(d, "secret-tool"))
                    .filter(Files::isExecutable).findFirst().orElseThrow().toString();
            Files.writeString(script, "#!/bin/sh\n{ printf 'ARGV'; for a in \"$@\"; do printf ' %s' \"$a\"; done; echo; env; }"
                    + " >> '" + calls + "'\nexec '" + realTool + "' \"$@\"\n");
            Files.setPosixFilePermissions(script, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            java.util.function.Supplier<SavedSecrets> saved = () -> new SavedSecrets(new SecretServiceKeychain(
                    service.envWith("PATH", bin + ":" + service.env().get("PATH")), java.time.Duration.ofSeconds(15)),
                    dataDir.resolve("keychain.json"));
            deployAndScan(robot, saved, calls);
        }
    }

    private void deployAndScan(FxRobot robot, java.util.function.Supplier<SavedSecrets> keychain, Path calls) throws Exception {
        if (keychain != null) {
            robot.interact(() -> h.window.context().setSavedSecrets(keychain.get()));
        }
        robot.clickOn("#start-new");
        waitFor("signed in", 60, () -> h.window.context().services() != null);
        robot.interact(() -> {
            h.model().subscriptionId.set(WizardHarness.SUB);
            h.model().resourceGroup.set(WizardHarness.RG);
        });
        pressNext(robot, "place");
        waitFor("place valid", 60, () -> h.wizard().place().valid().get());
        pressNext(robot, "network");
        robot.interact(() -> {
            h.model().subnetId.set(WizardHarness.subnet(SeedWorld.SUBNET_ACI));
            h.model().dockerUser.set("keeperadmin");
        });
        pressNext(robot, "registry");
        if (keychain != null) {
            waitFor("the keychain checked", 30, () -> !robot.lookup("#registry-keychain").queryAs(CheckBox.class).isDisabled());
            robot.clickOn("#registry-keychain");
        }
        robot.clickOn("#registry-pat-input").write(PAT, 0);
        pressNext(robot, "config");
        robot.interact(() -> h.model().gatewayConfig.set(CONFIG));
        pressNext(robot, "options");
        robot.interact(() -> h.model().debugLogging.set(true));
        pressNext(robot, "review");
        waitFor("preflight", 60, () -> h.wizard().review().preflightDone.get());
        if (h.wizard().review().hasPreflightWarnings()) {
            robot.clickOn("#review-confirm-warnings");
        }
        robot.clickOn("#review-copy");
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertTrue(copied[0] != null && copied[0].contains("secureValue"), "the masked preview was not copied");
        scan("the clipboard", copied[0]);
        // The draft is saved as the user goes (and removed after a successful deploy): scan it now.
        waitFor("draft saved", 60, () -> Files.exists(dataDir.resolve("draft.json")));
        int draftFiles = scanFiles("before deploy");
        assertTrue(draftFiles >= 1);
        pressNext(robot, "deploy");
        waitFor("running", 60, () -> h.wizard().deploy().succeeded.get());
        if (keychain != null) {
            waitFor("saved in the keychain", 30, () -> h.wizard().deploy().events.stream().anyMatch(e -> e.contains("Saved the Docker Hub token")));
        }

        for (Window w : robot.listWindows()) {
            if (w.getScene() != null) {
                robot.interact(() -> scanNode(w.getScene().getRoot(), "window"));
            }
        }
        robot.clickOn("#deploy-open-dashboard");
        waitFor("dashboard", 60, () -> robot.lookup("#dashboard").tryQuery().isPresent());
        Thread.sleep(1_500); // a refresh of the gateway list
        for (Window w : robot.listWindows()) {
            if (w.getScene() != null) {
                robot.interact(() -> scanNode(w.getScene().getRoot(), "dashboard window"));
            }
        }
        robot.interact(() -> scan("the window title", ((Stage) robot.listWindows().get(0)).getTitle()));
        if (keychain != null) {
            // The next start of the app: the same pool fills its secrets from the keychain (a lookup).
            robot.interact(() -> {
                h.close();
                h = new WizardHarness(stage, SimulatorOptions.instant(), 0);
                h.window.context().setSavedSecrets(keychain.get());
            });
            robot.clickOn("#start-new");
            robot.interact(() -> {
                h.model().subscriptionId.set(WizardHarness.SUB);
                h.model().resourceGroup.set(WizardHarness.RG);
            });
            waitFor("filled from the keychain", 30, () -> PAT.equals(h.model().dockerPat.get())
                    && CONFIG.equals(h.model().gatewayConfig.get()));
            for (Window w : robot.listWindows()) {
                if (w.getScene() != null) {
                    robot.interact(() -> scanNode(w.getScene().getRoot(), "next start's window"));
                }
            }
            String recorded = Files.readString(calls);
            assertTrue(recorded.contains("ARGV store") && recorded.contains("ARGV lookup"), "secret-tool was used: " + recorded);
            scan("secret-tool's command lines and environments", recorded);
            String index = Files.readString(dataDir.resolve("keychain.json"));
            assertTrue(index.contains("keeper-gateway"), index);
        }

        List<ILoggingEvent> events;
        synchronized (logs) { // AppenderBase.doAppend holds this lock: no event is added while copying
            events = new ArrayList<>(logs.list);
        }
        for (ILoggingEvent e : events) {
            StringBuilder sb = new StringBuilder(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                sb.append('\n').append(t.getClassName()).append(": ").append(t.getMessage());
            }
            scan("log event of " + e.getLoggerName(), sb.toString());
        }
        scanFiles("at the end");
        assertTrue(logs.list.size() > 20, "debug logging was not on");
        assertTrue(nodes > 100, "only " + nodes + " nodes were scanned");
        assertEquals(List.of(), hits);
    }
}
