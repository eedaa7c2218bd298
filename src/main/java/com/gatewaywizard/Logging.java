package com.gatewaywizard;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.pattern.ThrowableProxyConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.PropertyDefinerBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * The app's logging: one SLF4J binding (logback), a rolling file under {@link #logFile()} configured by
 * {@code logback.xml}, INFO by default and DEBUG for {@code com.gatewaywizard} with {@code --verbose}.
 *
 * <p>Secrets are kept out of log calls by construction ({@code Secret} masks itself, request and response bodies are
 * never logged, azure-core's HTTP logger is off). {@link #redact(String)} is the safety net behind that: the file's
 * pattern runs every message and stack trace through it.
 */
public final class Logging {
    public static final String LOG_FILE_NAME = "gateway-wizard.log";
    private static final String OUR_LOGGERS = "com.gatewaywizard";
    private static final String MASK = "***";

    /** Rules of the safety net, applied in order. Each keeps what names the secret and masks the value. */
    private static final List<Rule> RULES = List.of(
            // Authorization: Bearer eyJ..., also "Bearer" anywhere in text
            new Rule(Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]{8,}"), "$1 " + MASK),
            // Docker Hub personal access tokens
            new Rule(Pattern.compile("dckr_(pat|oat)_[A-Za-z0-9_-]+"), "dckr_$1_" + MASK),
            // JSON members whose value is a secret: "password": "...", "secureValue": "...", tokens, client secrets
            new Rule(Pattern.compile("(?i)(\"(?:password|secureValue|client_secret|clientSecret|access_token|refresh_token"
                    + "|id_token|accessToken|refreshToken|token|secret)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\""), "$1\"" + MASK + "\""),
            // form-encoded or key=value secrets: client_secret=..., password=..., access_token=...
            new Rule(Pattern.compile("(?i)\\b(client_secret|password|access_token|refresh_token|client_assertion|code)=[^&\\s\"']+"),
                    "$1=" + MASK),
            // the gateway config and JWTs: base64 of a JSON object ("{\"" encodes to eyJ), long enough to be one
            new Rule(Pattern.compile("eyJ[A-Za-z0-9+/_=-]{16,}(?:\\.[A-Za-z0-9+/_=-]*){0,2}"), "eyJ" + MASK),
            // GATEWAY_CONFIG=... in an environment listing
            new Rule(Pattern.compile("(GATEWAY_CONFIG\\s*[=:]\\s*)\\S+"), "$1" + MASK));

    private record Rule(Pattern pattern, String replacement) {
    }

    private Logging() {
    }

    /** The folder of the log files: {@code AppInfo.dataDir()/logs}. */
    public static Path logDir() {
        return AppInfo.dataDir().resolve("logs");
    }

    /** The current log file; older ones are {@code gateway-wizard.1.log} … {@code .3.log} beside it. */
    public static Path logFile() {
        return logDir().resolve(LOG_FILE_NAME);
    }

    /** {@code --verbose}: DEBUG for the app's own loggers (the Azure SDK's HTTP logger stays off). */
    public static void setVerbose(boolean verbose) {
        if (LoggerFactory.getLogger(OUR_LOGGERS) instanceof ch.qos.logback.classic.Logger l) {
            l.setLevel(verbose ? Level.DEBUG : Level.INFO);
        }
    }

    /**
     * Also writes {@code loggerName}'s lines to standard error (redacted), for commands whose job is to show them,
     * e.g. {@code simulator --verbose}. Standard output stays free of log lines.
     */
    public static void alsoToStderr(String loggerName) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext ctx)) {
            return;
        }
        ch.qos.logback.classic.Logger logger = ctx.getLogger(loggerName);
        String name = "stderr-" + loggerName;
        if (logger.getAppender(name) != null) {
            return;
        }
        ch.qos.logback.classic.PatternLayout layout = new ch.qos.logback.classic.PatternLayout();
        layout.setContext(ctx);
        layout.getInstanceConverterMap().put("redactedMsg", RedactedMessage::new);
        layout.getInstanceConverterMap().put("redactedEx", RedactedThrowable::new);
        layout.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{24} - %redactedMsg%n%redactedEx");
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> enc = new LayoutWrappingEncoder<>();
        enc.setContext(ctx);
        enc.setLayout(layout);
        enc.start();
        ConsoleAppender<ILoggingEvent> app = new ConsoleAppender<>();
        app.setContext(ctx);
        app.setName(name);
        app.setTarget("System.err");
        app.setEncoder(enc);
        app.start();
        logger.addAppender(app);
    }

    /** Masks anything that looks like a secret: bearer tokens, Docker PATs, secret JSON members, base64 JSON configs. */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        for (Rule r : RULES) {
            Matcher m = r.pattern.matcher(s);
            if (m.find()) {
                s = m.replaceAll(r.replacement);
            }
        }
        return s;
    }

    /**
     * logback's own status messages: without a listener logback prints its warnings and errors on standard output,
     * which would pollute command output (a read-only data folder, say). This one says once, on stderr, that the log
     * file cannot be written, and nothing else.
     */
    public static final class StatusToStderr implements StatusListener {
        private final AtomicBoolean told = new AtomicBoolean();

        @Override
        public void addStatusEvent(Status status) {
            if (status.getEffectiveLevel() >= Status.ERROR && told.compareAndSet(false, true)) {
                System.err.println("warning: the log file " + logFile() + " cannot be written; continuing without it");
            }
        }
    }

    /** logback property definer for {@code logback.xml}: the folder of the log files. */
    public static final class LogDir extends PropertyDefinerBase {
        @Override
        public String getPropertyValue() {
            return logDir().toString();
        }
    }

    /** {@code %redactedMsg}: the formatted message with {@link #redact} applied. */
    public static final class RedactedMessage extends MessageConverter {
        @Override
        public String convert(ILoggingEvent event) {
            return redact(super.convert(event));
        }
    }

    /** {@code %redactedEx}: the stack trace with {@link #redact} applied (exception messages can quote a server). */
    public static final class RedactedThrowable extends ThrowableProxyConverter {
        @Override
        protected String throwableProxyToString(IThrowableProxy tp) {
            return redact(super.throwableProxyToString(tp));
        }
    }
}
