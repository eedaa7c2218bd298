package com.gatewaywizard.ui.wizard;

import static com.gatewaywizard.ui.wizard.WizardHarness.waitFor;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.simulator.SimulatorOptions;
import java.util.concurrent.Callable;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TextArea;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The subnet-ID box's placeholder shows whole at the app's default window width (1180 px), also with the page's scroll bar. */
@ExtendWith(ApplicationExtension.class)
class SubnetPromptRobotTest {
    WizardHarness h;

    @Start
    void start(Stage stage) {
        h = new WizardHarness(stage, SimulatorOptions.instant(), 0); // the default window: 1180 x 800
    }

    @AfterEach
    void stop() {
        h.close();
    }

    static <T> T onFx(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The prompt's text node inside the box. */
    private static Text prompt(TextArea box) {
        for (Node n : box.lookupAll(".text")) {
            if (n instanceof Text t && box.getPromptText().equals(t.getText()) && t.isVisible()) {
                return t;
            }
        }
        return null;
    }

    @Test
    void theSubnetIdPlaceholderIsShownWholeAt1180Pixels(FxRobot robot) {
        h.upToNetwork(robot);
        assertTrue(Math.abs(onFx(() -> robot.lookup("#step-network").query().getScene().getWidth()) - 1180) < 0.5,
                "the app's default width");
        robot.interact(() -> {
            h.model().subnetId.set("");
            robot.lookup("#network-refresh").query().requestFocus(); // the prompt shows while the box has no focus
        });
        TextArea box = robot.lookup("#network-subnet-id").queryAs(TextArea.class);
        waitFor("the prompt shows", 5, () -> onFx(() -> prompt(box)) != null);
        for (String where : new String[] {"", " with the scroll bar", " at 130 % text size"}) {
            if (where.contains("scroll")) { // a taller page (the problems listed, a region to switch): a scroll bar
                robot.interact(() -> robot.lookup("#step-network").queryAs(javafx.scene.layout.Region.class).setMinHeight(2000));
            } else if (where.contains("size")) { // a trainer's projector
                robot.interact(() -> h.window.setZoom(1.3));
            }
            WaitForAsyncUtils.waitForFxEvents();
            Text p = onFx(() -> prompt(box));
            Bounds text = onFx(() -> box.sceneToLocal(p.localToScene(p.getBoundsInLocal())));
            // one line: the prompt does not break in the middle of a word onto a second line
            double lineHeight = onFx(() -> javafx.scene.text.Font.font(p.getFont().getFamily(), p.getFont().getSize()).getSize()) * 1.6;
            assertTrue(p.getLayoutBounds().getHeight() < lineHeight, "the prompt is one line" + where + ": "
                    + p.getLayoutBounds().getHeight() + " px high");
            assertTrue(text.getMaxX() <= box.getWidth() - box.snappedRightInset() + 0.5, "prompt ends at " + text.getMaxX()
                    + " in a box " + box.getWidth() + " wide" + where);
            assertTrue(text.getMaxY() <= box.getHeight() - box.snappedBottomInset() + 0.5, "prompt fits the box's height" + where);
            assertFalse(p.getText().isEmpty());
        }
    }
}
