package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.WizardHarness.waitFor;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.ui.MainWindow;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Not a test: makes the README's screenshots from the app itself ({@code src/site/screenshots.sh}, which sets
 * {@code -Dscreenshots=DIR} and optionally {@code -Dscreenshots.dark=true}). Skipped in normal runs. Every secret on
 * screen is masked (the token field, the config field, the YAML preview); the config is a made-up training one.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotTour {
    static final String DIR = System.getProperty("screenshots", "");
    static final boolean DARK = Boolean.getBoolean("screenshots.dark");
    WizardHarness h;
    Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        if (!DIR.isEmpty()) {
            MainWindow.applyTheme(DARK);
            stage.setWidth(1180);
            stage.setHeight(800);
            h = new WizardHarness(stage, SimulatorOptions.instant(), 0);
            MainWindow.applyTheme(DARK);
        }
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void tour(FxRobot robot) throws Exception {
        assumeTrue(!DIR.isEmpty(), "run by src/site/screenshots.sh");
        String suffix = DARK ? "-dark" : "";
        Path dir = Path.of(DIR);
        Files.createDirectories(dir);
        waitFor("signed in", 20, () -> h.window.context().services() != null);
        shot(robot, dir.resolve("start" + suffix + ".png"));
        robot.clickOn("#start-new");
        waitFor("wizard", 5, () -> h.wizard() != null);
        shot(robot, dir.resolve("1-signin" + suffix + ".png"));
        robot.interact(() -> {
            h.model().subscriptionId.set(WizardHarness.SUB);
            h.model().resourceGroup.set(WizardHarness.RG);
        });
        robot.interact(() -> h.wizard().next());
        waitFor("place", 20, () -> h.wizard().place().valid().get());
        shot(robot, dir.resolve("2-place" + suffix + ".png"));
        robot.interact(() -> h.wizard().next());
        waitFor("networks", 20, () -> !h.wizard().network().networks.isEmpty());
        robot.interact(() -> h.model().subnetId.set(WizardHarness.subnet(SeedWorld.SUBNET_UNDELEGATED)));
        shot(robot, dir.resolve("3-network" + suffix + ".png"));
        robot.interact(() -> h.model().subnetId.set(WizardHarness.subnet(SeedWorld.SUBNET_ACI)));
        robot.interact(() -> h.wizard().next());
        robot.interact(() -> {
            h.model().dockerUser.set("keeperadmin");
            h.model().dockerPat.set("dckr_pat_" + "x".repeat(27));
        });
        shot(robot, dir.resolve("4-registry" + suffix + ".png"));
        robot.interact(() -> h.wizard().next());
        robot.interact(() -> h.model().gatewayConfig.set(TrainingConfig.generate()));
        shot(robot, dir.resolve("5-config" + suffix + ".png"));
        robot.interact(() -> h.wizard().next());
        robot.interact(() -> h.model().instances.set(2));
        shot(robot, dir.resolve("6-options" + suffix + ".png"));
        // A name the rules refuse: the field's decoration, its tooltip and the inline problem with the fix.
        robot.interact(() -> h.model().name.set("Keeper_Gateway.Prod"));
        waitFor("name decorated", 10, () -> !robot.lookup("#options-name").query().lookupAll("." + FieldDecorations.STYLE).isEmpty());
        robot.moveTo(robot.lookup("#options-name").query().lookupAll("." + FieldDecorations.STYLE).iterator().next());
        robot.sleep(900);
        shotWithPopups(robot, dir.resolve("6-options-problem" + suffix + ".png"));
        robot.interact(() -> h.model().name.set("keeper-gateway"));
        robot.interact(() -> h.wizard().next());
        waitFor("preflight", 20, () -> h.wizard().review().preflightDone.get());
        robot.interact(() -> h.wizard().review().warningsConfirmed.set(true));
        shot(robot, dir.resolve("7-review" + suffix + ".png"));
        // The manifest itself: scrolled into view, the registry credentials selected (the token masked).
        robot.interact(() -> {
            YamlView yaml = robot.lookup("#review-yaml").queryAs(YamlView.class);
            javafx.scene.control.ScrollPane sp = robot.lookup(".wizard-content").queryAs(javafx.scene.control.ScrollPane.class);
            javafx.geometry.Bounds at = sp.getContent().sceneToLocal(yaml.localToScene(yaml.getBoundsInLocal()));
            double range = sp.getContent().getBoundsInLocal().getHeight() - sp.getViewportBounds().getHeight();
            sp.setVvalue(range <= 0 ? 0 : Math.min(1, (at.getMinY() - 110) / range));
            for (int i = 0; i < yaml.getItems().size(); i++) {
                String line = yaml.getItems().get(i).text();
                if (line.contains("imageRegistryCredentials")) {
                    yaml.scrollTo(Math.max(0, i - 10));
                }
                if (line.contains("server:") || line.contains("username:") || line.contains("password:")) {
                    yaml.getSelectionModel().select(i);
                }
            }
        });
        shot(robot, dir.resolve("7-review-yaml" + suffix + ".png"));
        robot.interact(() -> h.wizard().next());
        waitFor("running", 60, () -> h.wizard().deploy().succeeded.get());
        shot(robot, dir.resolve("8-deploy" + suffix + ".png"));
    }

    private void shot(FxRobot robot, Path file) throws IOException {
        robot.sleep(300);
        AtomicReference<WritableImage> img = new AtomicReference<>();
        robot.interact(() -> img.set(stage.getScene().snapshot(null)));
        ImageIO.write(image(img.get()), "png", file.toFile());
    }

    /** The window with the popups showing over it (a tooltip is a window of its own, not in the scene's snapshot). */
    private void shotWithPopups(FxRobot robot, Path file) throws IOException {
        AtomicReference<WritableImage> main = new AtomicReference<>();
        java.util.List<Object[]> popups = new java.util.ArrayList<>();
        robot.interact(() -> {
            main.set(stage.getScene().snapshot(null));
            for (javafx.stage.Window w : robot.listWindows()) {
                if (w != stage && w.isShowing() && w.getScene() != null) {
                    double x = w.getX() - stage.getX() - stage.getScene().getX();
                    double y = w.getY() - stage.getY() - stage.getScene().getY();
                    popups.add(new Object[] {w.getScene().snapshot(null), x, y});
                }
            }
        });
        BufferedImage out = image(main.get());
        java.awt.Graphics2D g = out.createGraphics();
        for (Object[] p : popups) {
            g.drawImage(image((WritableImage) p[0], BufferedImage.TYPE_INT_ARGB), (int) (double) (Double) p[1], (int) (double) (Double) p[2], null);
        }
        g.dispose();
        ImageIO.write(out, "png", file.toFile());
    }

    private static BufferedImage image(WritableImage w) {
        return image(w, BufferedImage.TYPE_INT_RGB);
    }

    private static BufferedImage image(WritableImage w, int type) {
        int width = (int) w.getWidth();
        int height = (int) w.getHeight();
        BufferedImage out = new BufferedImage(width, height, type);
        PixelReader r = w.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                out.setRGB(x, y, r.getArgb(x, y));
            }
        }
        return out;
    }
}
