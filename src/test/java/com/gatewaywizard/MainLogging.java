package com.gatewaywizard;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import java.net.URL;
import java.nio.file.Path;
import org.slf4j.LoggerFactory;

/**
 * Runs a test with the app's real logging configuration ({@link Logging#configure}: the rolling file under a given
 * data folder) instead of the tests' {@code logback-test.xml}; closing restores the test configuration and the data
 * folder.
 */
public final class MainLogging implements AutoCloseable {
    private final String previousHome;

    private MainLogging(Path home) throws Exception {
        previousHome = System.getProperty("gatewaywizard.home");
        System.setProperty("gatewaywizard.home", home.toString());
        LoggerContext ctx = context();
        ctx.reset();
        Logging.configure(ctx);
    }

    /** Switches to the main configuration, writing under {@code home}/logs. */
    public static MainLogging use(Path home) throws Exception {
        return new MainLogging(home);
    }

    public static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }

    private static void configure(URL config) throws Exception {
        LoggerContext ctx = context();
        ctx.reset();
        JoranConfigurator j = new JoranConfigurator();
        j.setContext(ctx);
        j.doConfigure(config);
    }

    @Override
    public void close() throws Exception {
        if (previousHome == null) {
            System.clearProperty("gatewaywizard.home");
        } else {
            System.setProperty("gatewaywizard.home", previousHome);
        }
        configure(getClass().getResource("/logback-test.xml"));
    }
}
