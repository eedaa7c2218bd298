package com.gatewaywizard.azure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.StackTraceElementProxy;
import ch.qos.logback.core.read.ListAppender;
import com.gatewaywizard.AppInfo;
import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.simulator.SeedWorld;
import com.gatewaywizard.spec.GatewaySpec;
import com.gatewaywizard.spec.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A full deploy with every logger at DEBUG (including the SDK's HTTP logging): no secret in any line, message or file. */
class SecretsStayOutOfAzureLogsTest {

    @Test
    void neitherThePatNorTheGatewayConfigAppearsInLogsExceptionsOrFiles() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger ours = (Logger) LoggerFactory.getLogger("com.gatewaywizard");
        Logger azure = (Logger) LoggerFactory.getLogger("com.azure");
        Level[] before = {root.getLevel(), ours.getLevel(), azure.getLevel()};
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.DEBUG);
        ours.setLevel(Level.DEBUG);
        azure.setLevel(Level.DEBUG);
        List<String> texts = new ArrayList<>();
        String badConfig = TestConfigs.truncated(Sim.CONFIG, 150);
        try (Sim s = Sim.start()) {
            GatewaySpec good = Sim.spec("gw-secret").instances(2).build();
            GatewaySpec bad = Sim.spec("gw-secret-bad").gatewayConfig(Secret.of(badConfig)).build();
            s.az.preflight().run(good).forEach(p -> texts.add(p.format()));
            collect(texts, s.az.deployer().deploy(good, e -> texts.add(e.toString())));
            collect(texts, s.az.deployer().deploy(bad, e -> texts.add(e.toString())));
            // a refused update (size change) and a refused PUT (quota) carry ARM's messages
            collect(texts, s.az.deployer().deploy(Sim.spec("gw-secret").cpu(3).instances(2).build(), e -> texts.add(e.toString())));
            s.az.control().list(SeedWorld.PRODUCTION, null).forEach(g -> texts.add(g.toString()));
            texts.add(s.az.control().logs(s.ref("gw-secret"), null, true));
            texts.add(String.valueOf(good));
        } finally {
            root.detachAppender(captured);
            root.setLevel(before[0]);
            ours.setLevel(before[1]);
            azure.setLevel(before[2]);
        }
        assertTrue(captured.list.size() > 10, "debug logging was on: " + captured.list.size());
        assertTrue(captured.list.stream().anyMatch(e -> e.getLoggerName().startsWith("com.azure.core.http")
                || e.getFormattedMessage().contains("api-version")), "the SDK's HTTP log was captured");
        assertTrue(captured.list.stream().anyMatch(e -> e.getFormattedMessage().contains("\"redactedHeaders\":\"Authorization")),
                "headers were logged, the Authorization header redacted");
        assertTrue(captured.list.stream().noneMatch(e -> e.getFormattedMessage().contains("Bearer ")), "no bearer token in a log line");
        for (ILoggingEvent e : captured.list) {
            texts.add(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                texts.add(t.getMessage());
                for (StackTraceElementProxy f : t.getStackTraceElementProxyArray()) {
                    texts.add(f.getSTEAsString());
                }
            }
        }
        // files written under the app's data folder
        Path home = AppInfo.dataDir();
        if (Files.isDirectory(home)) {
            try (var files = Files.walk(home)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    texts.add(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
                }
            }
        }
        List<String> forms = new ArrayList<>(TestConfigs.leakForms(Sim.PAT));
        forms.addAll(TestConfigs.leakForms(Sim.CONFIG));
        forms.addAll(TestConfigs.leakForms(badConfig));
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String f : forms) {
                assertFalse(text.contains(f), "a secret leaked into: " + text.substring(0, Math.min(200, text.length())));
            }
        }
    }

    private static void collect(List<String> texts, DeployResult r) {
        texts.add(r.toString());
        for (InstanceResult i : r.instances()) {
            if (i.failure() != null) {
                texts.add(i.failure().oneLine());
            }
        }
    }
}
