package com.gatewaywizard;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.pattern.TargetLengthBasedClassNameAbbreviator;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.CoreConstants;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import ch.qos.logback.core.rolling.FixedWindowRollingPolicy;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeBasedTriggeringPolicy;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.util.FileSize;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * The app's logging: one SLF4J binding (logback), a rolling file under {@link #logFile()} configured in code
 * ({@link #configure}), INFO by default and DEBUG for {@code com.gatewaywizard} with {@code --verbose}.
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
        ConsoleAppender<ILoggingEvent> app = new ConsoleAppender<>();
        app.setContext(ctx);
        app.setName(name);
        app.setTarget("System.err");
        app.setEncoder(encoder(ctx, new Line("HH:mm:ss.SSS", false, 24)));
        app.start();
        logger.addAppender(app);
    }

    /**
     * The app's logging configuration, made in code: the rolling file under {@link #logDir()} (5 MB, three old files
     * kept), our loggers at INFO, the Azure SDK at WARN with its HTTP logger off (the pipeline, AzureConnection, sets
     * its detail to headers at most, never bodies, so AZURE_HTTP_LOG_DETAIL_LEVEL cannot turn bodies on either).
     * Nothing goes to standard output, so command output stays clean; logback's own trouble is one line on stderr.
     */
    public static void configure(LoggerContext ctx) {
        ctx.getStatusManager().add(new StatusToStderr());
        Path dir = logDir();
        ownerOnly(dir);
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(ctx);
        file.setName("FILE");
        file.setFile(dir.resolve(LOG_FILE_NAME).toString());
        FixedWindowRollingPolicy rolling = new FixedWindowRollingPolicy();
        rolling.setContext(ctx);
        rolling.setParent(file);
        rolling.setFileNamePattern(dir.resolve("gateway-wizard.%i.log").toString());
        rolling.setMinIndex(1);
        rolling.setMaxIndex(3);
        rolling.start();
        SizeBasedTriggeringPolicy<ILoggingEvent> size = new SizeBasedTriggeringPolicy<>();
        size.setContext(ctx);
        size.setMaxFileSize(FileSize.valueOf("5MB"));
        size.start();
        file.setRollingPolicy(rolling);
        file.setTriggeringPolicy(size);
        file.setEncoder(encoder(ctx, new Line("yyyy-MM-dd HH:mm:ss.SSS", true, 36)));
        file.start();

        ctx.getLogger(OUR_LOGGERS).setLevel(Level.INFO);
        ctx.getLogger("com.azure.core.http.policy.HttpLoggingPolicy").setLevel(Level.OFF);
        ctx.getLogger("com.azure.core.http.jdk.httpclient").setLevel(Level.ERROR);
        ctx.getLogger("com.azure").setLevel(Level.WARN);
        ctx.getLogger("com.microsoft.aad.msal4j").setLevel(Level.WARN);
        ctx.getLogger("com.microsoft.aad.msal4jextensions").setLevel(Level.WARN);
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.WARN);
        root.addAppender(file);
    }

    /**
     * The log folder, made (or narrowed) to owner-only like the app's other files: the lines are redacted, but names of
     * subscriptions, groups and gateways are nobody else's business on a shared computer. Failure is left to the
     * appender, which reports a folder it cannot write.
     */
    static void ownerOnly(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
            if (java.nio.file.Files.getFileStore(dir).supportsFileAttributeView("posix")) {
                java.nio.file.Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            }
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            // the appender says so if it cannot write there
        }
    }

    private static LayoutWrappingEncoder<ILoggingEvent> encoder(LoggerContext ctx, Line line) {
        line.setContext(ctx);
        line.start();
        LayoutWrappingEncoder<ILoggingEvent> enc = new LayoutWrappingEncoder<>();
        enc.setContext(ctx);
        enc.setLayout(line);
        enc.start();
        return enc;
    }

    /**
     * logback finds this through {@code META-INF/services} and runs it instead of looking for a {@code logback.xml}:
     * building the configuration in code skips the XML parser and logback's pattern machinery, about 0.1 s of every
     * CLI command. A {@code logback.configurationFile} property, or a {@code logback-test.xml} (the tests'), still
     * wins, as logback's own rules say.
     */
    public static final class Configure extends ContextAwareBase implements Configurator {
        @Override
        public ExecutionStatus configure(LoggerContext ctx) {
            if (System.getProperty("logback.configurationFile") != null
                    || Configure.class.getClassLoader().getResource("logback-test.xml") != null) {
                return ExecutionStatus.INVOKE_NEXT_IF_ANY;
            }
            Logging.configure(ctx);
            return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
        }
    }

    /**
     * The SLF4J binding the app's launcher names ({@code slf4j.provider}): logback's, minus its start-up search. Logback's
     * own provider looks for configurators through the service loader and for {@code logback-test.xml} and
     * {@code logback.xml} as resources — each a walk through every jar of the class path, jars a CLI command
     * otherwise never opens — and reads two jar manifests to compare versions. This one builds {@link #configure}'s
     * configuration straight away; a {@code logback.configurationFile} property still wins. (Tests and anything else
     * that binds SLF4J on its own get logback's provider, which finds {@link Configure} or a logback-test.xml.)
     */
    public static final class Provider implements org.slf4j.spi.SLF4JServiceProvider {
        private LoggerContext ctx;
        private org.slf4j.IMarkerFactory markers;
        private org.slf4j.spi.MDCAdapter mdc;

        @Override
        public org.slf4j.ILoggerFactory getLoggerFactory() {
            return ctx;
        }

        @Override
        public org.slf4j.IMarkerFactory getMarkerFactory() {
            return markers;
        }

        @Override
        public org.slf4j.spi.MDCAdapter getMDCAdapter() {
            return mdc;
        }

        @Override
        public String getRequestedApiVersion() {
            return "2.0.99";
        }

        @Override
        public void initialize() {
            LoggerContext c = new LoggerContext();
            c.setName(CoreConstants.DEFAULT_CONTEXT_NAME);
            if (System.getProperty("logback.configurationFile") != null) {
                try {
                    new ch.qos.logback.classic.util.ContextInitializer(c).autoConfig();
                } catch (ch.qos.logback.core.joran.spi.JoranException e) {
                    System.err.println("warning: the logging configuration could not be read: " + e.getMessage());
                }
            } else {
                configure(c);
            }
            c.start();
            markers = new org.slf4j.helpers.BasicMarkerFactory();
            ch.qos.logback.classic.util.LogbackMDCAdapter m = new ch.qos.logback.classic.util.LogbackMDCAdapter();
            c.setMDCAdapter(m);
            mdc = m;
            ctx = c;
        }
    }

    /**
     * One log line: time, level, [thread], the logger's name shortened to a length, the message, and a stack trace
     * if there is one; message and trace run through {@link #redact}. (What the pattern
     * {@code %d %-5level [%thread] %logger{36} - %msg%n%ex} gives, without logback's pattern parser.)
     */
    static final class Line extends LayoutBase<ILoggingEvent> {
        private final DateTimeFormatter time;
        private final boolean thread;
        private final TargetLengthBasedClassNameAbbreviator names;

        Line(String timePattern, boolean thread, int loggerLength) {
            this.time = DateTimeFormatter.ofPattern(timePattern).withZone(ZoneId.systemDefault());
            this.thread = thread;
            this.names = new TargetLengthBasedClassNameAbbreviator(loggerLength);
        }

        @Override
        public String doLayout(ILoggingEvent e) {
            StringBuilder b = new StringBuilder(160);
            b.append(time.format(Instant.ofEpochMilli(e.getTimeStamp()))).append(' ');
            String level = e.getLevel().toString();
            b.append(level);
            b.append(" ".repeat(Math.max(0, 5 - level.length())));
            if (thread) {
                b.append(" [").append(e.getThreadName()).append(']');
            }
            b.append(' ').append(names.abbreviate(e.getLoggerName())).append(" - ").append(redact(e.getFormattedMessage()))
                    .append(CoreConstants.LINE_SEPARATOR);
            IThrowableProxy tp = e.getThrowableProxy();
            if (tp != null) {
                String trace = redact(ThrowableProxyUtil.asString(tp));
                b.append(trace);
                if (!trace.endsWith(CoreConstants.LINE_SEPARATOR)) {
                    b.append(CoreConstants.LINE_SEPARATOR);
                }
            }
            return b.toString();
        }
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
}
