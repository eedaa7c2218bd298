package com.gatewaywizard.state;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import java.util.Optional;

/**
 * A small versioned JSON file for settings and drafts (never secrets): {@code {"version": N, "value": {...}}}.
 *
 * <p>{@link #load()} never throws and never crashes the app: a missing file gives an empty result; a file that
 * cannot be parsed is moved aside to {@code <name>.corrupt-<timestamp>}, one written by a newer version of the app
 * (a higher format version) to {@code <name>.future-<timestamp>}, and the result says so in plain words. Older
 * versions are read through the optional {@link Migration}. {@link #save} is atomic ({@link AtomicFiles}) and
 * owner-only, so a crash during a save leaves the previous file intact.
 *
 * <p>Thread-safe: load and save on one store are serialised. Call from a background thread (disk I/O).
 */
public final class JsonStore<T> {
    /** Larger files are not settings or drafts: treated as corrupt rather than read into memory. */
    static final long MAX_BYTES = 8L * 1024 * 1024;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /** Turns the stored value of an older format version into the current shape. */
    @FunctionalInterface
    public interface Migration {
        JsonNode migrate(int fromVersion, JsonNode value) throws IOException;
    }

    /**
     * A value read and written as plain JSON values — {@code Map<String, Object>}, {@code List<Object>}, String,
     * Number, Boolean, null — with azure-json instead of Jackson ({@link #withCodec}). For a file a short command reads
     * before anything else needs Jackson: building Jackson's object mapper and reading a record through it cost a CLI
     * command about 40 ms. The envelope, the checks and what happens to a bad file are the same as with Jackson.
     */
    public interface Codec<T> {
        /** The value from its plain JSON form; throws (any RuntimeException) when the form does not fit. */
        T fromJson(Object json);

        /** The plain JSON form of the value. */
        Object toJson(T value);
    }

    /** What {@link #load()} found: the value (if any) and a notice for the user (if something was set aside). */
    public record Loaded<T>(Optional<T> value, Optional<String> notice, Optional<Path> setAside) {
        public Loaded {
            Objects.requireNonNull(value);
            Objects.requireNonNull(notice);
            Objects.requireNonNull(setAside);
        }

        static <T> Loaded<T> of(T value) {
            return new Loaded<>(Optional.of(value), Optional.empty(), Optional.empty());
        }

        static <T> Loaded<T> empty() {
            return new Loaded<>(Optional.empty(), Optional.empty(), Optional.empty());
        }

        static <T> Loaded<T> problem(String notice, Path setAside) {
            return new Loaded<>(Optional.empty(), Optional.of(notice), Optional.ofNullable(setAside));
        }

        public T orElse(T fallback) {
            return value.orElse(fallback);
        }
    }

    private final Path file;
    private final Class<T> type;
    private final int version;
    private final String what;
    private final Migration migration;
    private final Codec<T> codec;
    private ObjectMapper mapper;
    private final Clock clock;

    public JsonStore(Path file, Class<T> type, int version) {
        this(file, type, version, null, null);
    }

    /**
     * @param what      what the file holds, for the notice ("settings", "wizard draft"); defaults to the file name
     * @param migration reads older format versions; without it an older file is read as if current
     */
    public JsonStore(Path file, Class<T> type, int version, String what, Migration migration) {
        this(file, type, version, what, migration, Clock.systemUTC());
    }

    JsonStore(Path file, Class<T> type, int version, String what, Migration migration, Clock clock) {
        this(file, Objects.requireNonNull(type), null, version, what, migration, clock);
    }

    private JsonStore(Path file, Class<T> type, Codec<T> codec, int version, String what, Migration migration, Clock clock) {
        if (version < 1) {
            throw new IllegalArgumentException("version must be 1 or more");
        }
        this.file = file.toAbsolutePath();
        this.type = type;
        this.codec = codec;
        this.version = version;
        this.what = what == null || what.isBlank() ? "file " + this.file.getFileName() : what;
        this.migration = migration;
        this.clock = clock;
    }

    /**
     * A store whose value is read and written through {@code codec} with azure-json (no Jackson); no migration: an
     * older format version is read as if current.
     */
    public static <T> JsonStore<T> withCodec(Path file, int version, String what, Codec<T> codec) {
        return withCodec(file, version, what, codec, Clock.systemUTC());
    }

    static <T> JsonStore<T> withCodec(Path file, int version, String what, Codec<T> codec, Clock clock) {
        return new JsonStore<>(file, null, Objects.requireNonNull(codec, "codec"), version, what, null, clock);
    }

    /** Built on first use, and never for a store with a codec. */
    private ObjectMapper mapper() {
        if (mapper == null) {
            mapper = JsonMapper.builder()
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS) // a half-overwritten file is damage, not data
                    .enable(SerializationFeature.INDENT_OUTPUT)
                    .build();
        }
        return mapper;
    }

    public Path file() {
        return file;
    }

    /** Reads the file. Never throws; see the class comment for what happens to a bad file. */
    public synchronized Loaded<T> load() {
        AtomicFiles.removeStaleTemps(file, Duration.ofMinutes(10));
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                return setAside("corrupt", "is too large to be a saved " + what);
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Loaded.empty();
        } catch (IOException | SecurityException e) {
            return Loaded.problem("Your saved " + what + " (" + file + ") could not be read (" + reason(e)
                    + "), so Gateway Wizard starts without it. The file was left where it is.", null);
        }
        if (codec != null) {
            return loadPlain(bytes);
        }
        JsonNode root;
        try {
            root = mapper().readTree(bytes);
        } catch (IOException e) {
            return setAside("corrupt", "is damaged (it is not valid JSON)");
        }
        if (root == null || !root.isObject() || !root.path("version").canConvertToInt() || !root.path("version").isIntegralNumber()) {
            return setAside("corrupt", "is damaged (it has no format version)");
        }
        int found = root.get("version").intValue();
        Loaded<T> unusable = unusableVersion(found);
        if (unusable != null) {
            return unusable;
        }
        JsonNode value = root.get("value");
        if (value == null || value.isNull() || value.isMissingNode()) {
            return setAside("corrupt", "is damaged (it holds no value)");
        }
        try {
            if (found < version && migration != null) {
                value = migration.migrate(found, value);
            }
            T parsed = mapper().treeToValue(value, type);
            if (parsed == null) {
                return setAside("corrupt", "is damaged (it holds no value)");
            }
            return Loaded.of(parsed);
        } catch (IOException | RuntimeException e) {
            return setAside("corrupt", "is damaged (its content does not fit this version of Gateway Wizard)");
        }
    }

    /** Writes {@code value} atomically (temp file + move), owner-only. */
    public synchronized void save(T value) throws IOException {
        Objects.requireNonNull(value, "value");
        if (codec != null) {
            java.util.Map<String, Object> root = new java.util.LinkedHashMap<>();
            root.put("version", version);
            root.put("value", codec.toJson(value));
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1024);
            try (com.azure.json.JsonWriter w = com.azure.json.JsonProviders.createWriter(out)) {
                w.writeUntyped(root).flush();
            }
            out.write('\n');
            AtomicFiles.write(file, out.toByteArray(), true);
            return;
        }
        ObjectNode root = mapper().createObjectNode();
        root.put("version", version);
        root.set("value", mapper().valueToTree(value));
        AtomicFiles.write(file, mapper().writeValueAsBytes(root), true);
    }

    /** {@link #load()}'s checks on the plain JSON form, for a store with a codec. */
    private Loaded<T> loadPlain(byte[] bytes) {
        Object root;
        try (com.azure.json.JsonReader r = com.azure.json.JsonProviders.createReader(bytes)) {
            com.azure.json.JsonToken first = r.nextToken();
            root = first == null || first == com.azure.json.JsonToken.END_DOCUMENT ? null : r.readUntyped();
            com.azure.json.JsonToken after = r.nextToken();
            if (after != null && after != com.azure.json.JsonToken.END_DOCUMENT) {
                return setAside("corrupt", "is damaged (it is not valid JSON)"); // a half-overwritten file is damage
            }
        } catch (IOException | RuntimeException | StackOverflowError e) { // (nesting deeper than the stack)
            return setAside("corrupt", "is damaged (it is not valid JSON)");
        }
        if (!(root instanceof java.util.Map<?, ?> envelope) || !integral(envelope.get("version"))) {
            return setAside("corrupt", "is damaged (it has no format version)");
        }
        int found = ((Number) envelope.get("version")).intValue();
        Loaded<T> unusable = unusableVersion(found);
        if (unusable != null) {
            return unusable;
        }
        Object value = envelope.get("value");
        if (value == null) {
            return setAside("corrupt", "is damaged (it holds no value)");
        }
        try {
            T parsed = codec.fromJson(value);
            if (parsed == null) {
                return setAside("corrupt", "is damaged (it holds no value)");
            }
            return Loaded.of(parsed);
        } catch (RuntimeException e) {
            return setAside("corrupt", "is damaged (its content does not fit this version of Gateway Wizard)");
        }
    }

    /** The file set aside when its format version is newer than this app reads, or not a version; else null. */
    private Loaded<T> unusableVersion(int found) {
        if (found > version) {
            return setAside("future", "was written by a newer version of Gateway Wizard (format " + found
                    + "; this version reads up to " + version + ")");
        }
        if (found < 1) {
            return setAside("corrupt", "is damaged (format version " + found + ")");
        }
        return null;
    }

    /** A JSON integer that fits an int (as Jackson's canConvertToInt and isIntegralNumber say). */
    private static boolean integral(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return true;
        }
        if (v instanceof Long l) {
            return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE;
        }
        if (v instanceof java.math.BigInteger b) {
            return b.bitLength() < 32;
        }
        return false;
    }

    /** Removes the file (a discarded draft). */
    public synchronized void delete() throws IOException {
        Files.deleteIfExists(file);
    }

    private Loaded<T> setAside(String kind, String why) {
        Path aside = asidePath(kind);
        try {
            Files.move(file, aside);
        } catch (IOException | SecurityException e) {
            return Loaded.problem("Your saved " + what + " (" + file + ") " + why + ". Gateway Wizard starts without it,"
                    + " but could not move it aside (" + reason(e) + "); it will be replaced on the next save.", null);
        }
        String next = kind.equals("future")
                ? " To use it again, open it with that newer version."
                : "";
        return Loaded.problem("Your saved " + what + " " + why + ", so Gateway Wizard starts without it. The old file"
                + " was kept as " + aside.getFileName() + " in " + aside.getParent() + "." + next, aside);
    }

    private Path asidePath(String kind) {
        String base = file.getFileName() + "." + kind + "-" + STAMP.format(clock.instant());
        Path candidate = file.resolveSibling(base);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = file.resolveSibling(base + "-" + n);
        }
        return candidate;
    }

    private static String reason(Exception e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "access denied";
        }
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return e instanceof JacksonException ? "not valid JSON" : e.getClass().getSimpleName();
    }
}
