package com.gatewaywizard.azure;

import com.azure.core.http.HttpHeaders;
import com.azure.core.management.serializer.SerializerFactory;
import com.azure.core.util.serializer.CollectionFormat;
import com.azure.core.util.serializer.SerializerAdapter;
import com.azure.core.util.serializer.SerializerEncoding;
import com.azure.json.JsonProviders;
import com.azure.json.JsonReader;
import com.azure.json.JsonSerializable;
import com.azure.json.JsonWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The serializer of the SDK clients we build (Container Instances, network): request and response bodies of the
 * SDK's generated models go straight through their own {@code toJson}/{@code fromJson} (azure-json), which is what
 * azure-core's Jackson adapter does for them too; anything else — XML, headers, a type that is not such a model —
 * goes to that Jackson adapter, built the first time one comes along.
 *
 * <p>Why: the Jackson adapter's object mappers (Jackson, its Java-time module, the flattening and error modules) cost
 * a CLI command about 0.1 s of CPU to build, and a status, logs or restart call never needs them. The bytes on the
 * wire are the models' own either way, so what the YAML preview shows ({@code ArmBody}) is still what is sent.
 */
final class ModelJson implements SerializerAdapter {
    /** One for all clients: it holds no state but the lazily built fallback. */
    static final ModelJson INSTANCE = new ModelJson();

    private static final ClassValue<MethodHandle> FROM_JSON = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            if (!JsonSerializable.class.isAssignableFrom(type)) {
                return null;
            }
            try {
                return MethodHandles.publicLookup().findStatic(type, "fromJson", MethodType.methodType(type, JsonReader.class));
            } catch (NoSuchMethodException | IllegalAccessException e) {
                return null; // abstract or hidden: left to Jackson
            }
        }
    };

    private volatile SerializerAdapter fallback;

    private ModelJson() {
    }

    /** Whether {@code type}'s bodies are read and written here rather than by the Jackson adapter. */
    static boolean handles(Type type) {
        return type instanceof Class<?> c && FROM_JSON.get(c) != null;
    }

    /** azure-core's management adapter (Jackson), built on first use. */
    SerializerAdapter fallback() {
        SerializerAdapter f = fallback;
        if (f == null) {
            synchronized (this) {
                f = fallback;
                if (f == null) {
                    f = SerializerFactory.createDefaultManagementSerializerAdapter();
                    fallback = f;
                }
            }
        }
        return f;
    }

    private static boolean plainJson(Object value, SerializerEncoding encoding) {
        return encoding == SerializerEncoding.JSON && (value instanceof JsonSerializable<?> || value instanceof String);
    }

    @Override
    public String serialize(Object object, SerializerEncoding encoding) throws IOException {
        if (object == null) {
            return null;
        }
        if (!plainJson(object, encoding)) {
            return fallback().serialize(object, encoding);
        }
        return new String(serializeToBytes(object, encoding), StandardCharsets.UTF_8);
    }

    @Override
    public byte[] serializeToBytes(Object object, SerializerEncoding encoding) throws IOException {
        if (object == null) {
            return null;
        }
        if (!plainJson(object, encoding)) {
            return fallback().serializeToBytes(object, encoding);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        write(object, out);
        return out.toByteArray();
    }

    @Override
    public void serialize(Object object, SerializerEncoding encoding, OutputStream out) throws IOException {
        if (object == null) {
            return;
        }
        if (!plainJson(object, encoding)) {
            fallback().serialize(object, encoding, out);
            return;
        }
        write(object, out);
    }

    private static void write(Object object, OutputStream out) throws IOException {
        try (JsonWriter w = JsonProviders.createWriter(out)) {
            if (object instanceof JsonSerializable<?> s) {
                s.toJson(w);
            } else {
                w.writeString((String) object);
            }
            w.flush();
        }
    }

    @Override
    public String serializeRaw(Object object) {
        if (object == null) {
            return null;
        }
        if (!plainJson(object, SerializerEncoding.JSON)) {
            return fallback().serializeRaw(object);
        }
        try {
            return withoutQuotes(serialize(object, SerializerEncoding.JSON));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Azure-core's rule for a raw value: the JSON text without the quotes around it. */
    static String withoutQuotes(String json) {
        int start = 0;
        int end = json.length();
        while (start < end && json.charAt(start) == '"') {
            start++;
        }
        while (end > start && json.charAt(end - 1) == '"') {
            end--;
        }
        return json.substring(start, end);
    }

    @Override
    public String serializeList(List<?> list, CollectionFormat format) {
        if (list == null) {
            return null;
        }
        return list.stream().map(this::serializeRaw).map(s -> s == null ? "" : s)
                .collect(Collectors.joining(format.getDelimiter()));
    }

    /** A long-running operation with no result (restart, stop, start, delete) reads its final body as Void: null. */
    private static boolean isVoid(Type type) {
        return type == Void.class || type == void.class;
    }

    @Override
    public <T> T deserialize(String value, Type type, SerializerEncoding encoding) throws IOException {
        if (value == null || value.isEmpty() || isVoid(type)) {
            return null;
        }
        if (encoding != SerializerEncoding.JSON || !handles(type)) {
            return fallback().deserialize(value, type, encoding);
        }
        return deserialize(value.getBytes(StandardCharsets.UTF_8), type, encoding);
    }

    @Override
    public <T> T deserialize(byte[] bytes, Type type, SerializerEncoding encoding) throws IOException {
        if (bytes == null || bytes.length == 0 || isVoid(type)) {
            return null;
        }
        if (encoding != SerializerEncoding.JSON || !handles(type)) {
            return fallback().deserialize(bytes, type, encoding);
        }
        try (JsonReader r = JsonProviders.createReader(bytes)) {
            return read(r, (Class<?>) type);
        }
    }

    @Override
    public <T> T deserialize(InputStream in, Type type, SerializerEncoding encoding) throws IOException {
        if (in == null || isVoid(type)) {
            return null;
        }
        if (encoding != SerializerEncoding.JSON || !handles(type)) {
            return fallback().deserialize(in, type, encoding);
        }
        return deserialize(in.readAllBytes(), type, encoding);
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(JsonReader r, Class<?> type) throws IOException {
        try {
            return (T) FROM_JSON.get(type).invoke(r);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IOException("could not read a " + type.getSimpleName() + " from JSON", t);
        }
    }

    @Override
    public <T> T deserialize(HttpHeaders headers, Type type) throws IOException {
        return fallback().deserialize(headers, type);
    }
}
