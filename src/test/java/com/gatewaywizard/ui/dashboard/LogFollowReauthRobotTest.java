package com.gatewaywizard.ui.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.azure.GatewayRef;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.simulator.SimulatorOptions;
import com.gatewaywizard.ui.AppContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dashboard's log view while the sign-in renews itself: 2-second tokens from the simulator's token endpoint
 * (a service principal over https), renewed many times during the follow, and then the user signing in again (a
 * new session). The log buffer keeps every line, gains no duplicate and shows no error.
 */
@ExtendWith(ApplicationExtension.class)
class LogFollowReauthRobotTest {
    @TempDir
    static Path tls;
    private static DashSim sim;
    private DashboardView view;
    private AppContext ctx;

    @BeforeAll
    static void deploy() {
        sim = new DashSim(SimulatorOptions.instant().withTls(true).withTlsDir(tls).withTokenLifetime(Duration.ofSeconds(2)), true);
        assertTrue(sim.deploy(DashSim.spec("gw-reauth").build()).allRunning());
    }

    @AfterAll
    static void close() {
        sim.close();
    }

    @Start
    void start(Stage stage) {
        ctx = sim.context();
        view = DashSim.show(stage, ctx);
    }

    @AfterEach
    void dispose() {
        DashSim.dispose(view);
    }

    private static <T> T onFx(Callable<T> c) {
        return DashSim.onFx(c);
    }

    private static void until(String what, Callable<Boolean> c) {
        DashSim.until(what, c);
    }

    private long tokenRequests() {
        return sim.sim.requestLog().entries().stream().filter(e -> e.method().equals("POST") && e.path().endsWith("/token")).count();
    }

    /** The buffer's lines as ACI returned them (timestamp, space, text). */
    private static List<String> raw(GatewayDetail d) {
        return onFx(() -> d.logs().buffer().stream().filter(l -> !l.marker())
                .map(l -> l.timestamp() == null ? l.text() : l.timestamp() + " " + l.text()).toList());
    }

    /** The buffer is exactly the start of the log as Azure has it: nothing lost, nothing twice. */
    private static void sameAsTheLog(List<String> shown, AzureServices az, String when) {
        GatewayRef ref = new GatewayRef(SeedWorld.PRODUCTION, SeedWorld.RESOURCE_GROUP, "gw-reauth");
        List<String> log = az.control().logs(ref, null, true).lines().toList();
        assertTrue(log.size() >= shown.size(), when + ": the buffer holds more lines than the log (" + shown.size() + " > " + log.size() + ")");
        assertEquals(log.subList(0, shown.size()), shown, when + ": the buffer differs from the log");
    }

    @Test
    void theLogBufferKeepsEveryLineAcrossTokenRenewalsAndASecondSignIn() throws Exception {
        until("gw-reauth is listed", () -> view.model().rowNamed("gw-reauth") != null);
        WaitForAsyncUtils.asyncFx(() -> view.select("gw-reauth"));
        until("gw-reauth is shown", () -> view.currentDetail() != null && view.currentDetail().row().name().equals("gw-reauth"));
        GatewayDetail d = onFx(() -> view.currentDetail());
        until("log lines arrive", () -> d.logs().buffer().size() > 5);

        // Several token lifetimes pass while the log is followed; the session renews by itself.
        long tokens0 = tokenRequests();
        int size0 = onFx(() -> d.logs().buffer().size());
        Thread.sleep(5_000);
        assertTrue(tokenRequests() - tokens0 >= 2, "tokens renewed during the follow: " + (tokenRequests() - tokens0));
        List<String> afterRenewals = raw(d);
        assertTrue(afterRenewals.size() > size0 + 20, "the follow went on: " + size0 + " -> " + afterRenewals.size());
        sameAsTheLog(afterRenewals, sim.az, "after the token renewals");

        // The user signs in again: a new session replaces the old one (as the sign-in page does).
        AzureServices again = sim.signInAgain();
        AzureServices old = onFx(() -> {
            AzureServices o = ctx.services();
            ctx.servicesProperty().set(again);
            return o;
        });
        old.close();
        int atSwitch = afterRenewals.size();
        until("lines keep arriving through the new session", () -> d.logs().buffer().size() > atSwitch + 20);
        List<String> afterSignIn = raw(d);
        assertEquals(afterRenewals, afterSignIn.subList(0, afterRenewals.size()), "the buffer lost lines at the new sign-in");
        sameAsTheLog(afterSignIn, again, "after signing in again");
        // No refusal reached the view: every 401 Azure sent was followed by the same request answered.
        var log = sim.sim.requestLog().entries();
        for (int i = 0; i < log.size(); i++) {
            var e = log.get(i);
            if (e.status() == 401) {
                assertTrue(log.stream().skip(i + 1).anyMatch(x -> x.method().equals(e.method()) && x.path().equals(e.path())
                        && x.status() / 100 == 2), "a refused request was not repeated: " + e);
            }
        }
        String toast = onFx(() -> view.lastToast());
        assertTrue(toast == null || !toast.contains("Sign-in"), toast);
        again.close();
    }
}
