package com.gatewaywizard.keeper;

import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_APP_KEY_SIZE;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_CLEANED;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_CLIENT_ID_SIZE;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_DOUBLE_ENCODED;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_IS_JSON;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_MISSING_KEY;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_NOT_BASE64;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_NOT_BOUND;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_NOT_JSON;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_ONE_TIME_TOKEN;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_OWNER_KEY_INVALID;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_PRIVATE_KEY_UNUSUAL;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_REQUIRED;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_SERVER_KEY_ID_INVALID;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_TRUNCATED;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_UNKNOWN_KEY;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_UNKNOWN_REGION;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_UNWRAPPED;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_URL_SAFE;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_VALUE_NOT_BASE64;
import static com.gatewaywizard.spec.ProblemCodes.GATEWAY_CONFIG_VALUE_NOT_STRING;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.Secret;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of {@link GatewayConfig#decode(String)}, exactly as reference/keeper.md §1 states them.
 *
 * <ol>
 *   <li><b>Clean.</b> Remove ANSI colour codes ({@code ESC[…m}, also the bare {@code [32m} left when a terminal
 *       drops the escape), the dashed separator lines Commander prints around the value, surrounding quotes and a
 *       {@code GATEWAY_CONFIG=} / {@code GATEWAY_CONFIG:} / {@code secureValue:} prefix. Then remove all whitespace: a value wrapped at 76
 *       columns (or at any width) is joined again and reported as info.</li>
 *   <li><b>Recognise look-alikes.</b> Raw JSON (accepted, encoded for the user, warned); a one-time token
 *       {@code US:…} / {@code qa.keepersecurity.com:…} / IL5's 4 parts; url-safe base64; missing padding or a cut;
 *       a config encoded twice. (Base64 of ASCII JSON holds {@code +} or {@code /} only where the JSON has
 *       {@code >}, {@code ?} or {@code ~}, so a url-safe re-encoding of a real config usually differs only by its
 *       missing padding and is reported as truncated; {@code -}/{@code _} mostly come from other url-safe strings.)
 *       A short text that does not start like base64 JSON is "not base64", not "truncated".</li>
 *   <li><b>Strict base64.</b> Only {@code [A-Za-z0-9+/]}, {@code =} padding at the end, length a multiple of 4,
 *       and decoding then encoding gives the same text (the Python SDK's own test).</li>
 *   <li><b>JSON.</b> Strict UTF-8, a single JSON object, nothing after it.</li>
 *   <li><b>Keys.</b> Non-empty strings {@code hostname, clientId, privateKey, serverPublicKeyId, appKey};
 *       {@code clientId} 64 bytes, {@code appKey} 32 bytes, both strict base64; {@code privateKey} strict base64,
 *       warned unless a 138-byte PKCS#8 EC P-256 key; {@code serverPublicKeyId} digits; {@code clientKey} means the
 *       device was never bound; unknown keys warned; {@code hostname} mapped to a {@link KeeperRegion} or warned as
 *       a custom host.</li>
 * </ol>
 * Nothing here copies the input or a value from it into a problem, except the Keeper host (not secret) and key
 * names. Parser exceptions are caught and never surface, because their messages quote the input.
 */
final class ConfigDecoder {
    static final String FIELD = "gatewayConfig";

    static final List<String> REQUIRED_KEYS = List.of("hostname", "clientId", "privateKey", "serverPublicKeyId", "appKey");
    static final String OWNER_KEY = "appOwnerPublicKey";
    static final String CLIENT_KEY = "clientKey";
    /** Keys of isolated (IL5) deployments; known to the KSM SDK, not warned. */
    static final Set<String> ISOLATED_KEYS = Set.of("serverPublicKey", "bat", "bindingKey");

    static final int CLIENT_ID_BYTES = 64;
    static final int APP_KEY_BYTES = 32;
    static final int PRIVATE_KEY_BYTES = 138;
    static final int OWNER_KEY_BYTES = 65;

    static final String NEW_CONFIG_COMMAND = "pam gateway new -n \"<Gateway Name>\" -a <Application Name or UID> -c b64";
    private static final String RECREATE = "Create a new config in Keeper Commander with `" + NEW_CONFIG_COMMAND
            + "` (or in the Web Vault or Desktop App: Create New \u2192 Gateway, Base64) and paste all of it.";
    private static final String RECOPY = "Copy the whole string again, from `eyJ` to its last character (with `-r` Commander "
            + "prints only the string), or create a new config with `" + NEW_CONFIG_COMMAND + "`.";

    /** Built on the first config that needs parsing, not when the class loads: the desktop app's first window
     * checks an empty config field, and building Jackson (hundreds of classes) there delayed it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** ESC [ parameters intermediates final, i.e. any CSI sequence (colours, cursor moves, erase line). */
    private static final Pattern ANSI_CSI = Pattern.compile("\u001B\\[[0-?]*[ -/]*[@-~]");
    /** OSC sequences (window titles, hyperlinks) ended by BEL or ESC \. */
    private static final Pattern ANSI_OSC = Pattern.compile("\u001B\\][^\u0007\u001B]*(\u0007|\u001B\\\\)");
    /** A colour code whose ESC was lost on the way ({@code [32m}); '[' is not base64, so this is never content. */
    private static final Pattern BARE_SGR = Pattern.compile("\\[[0-9;]{0,16}m");
    private static final Pattern SEPARATOR_LINE = Pattern.compile("[-=_*#~\u2500\u2501\u2550]{3,}");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?i)^(export\\s+)?\"?(GATEWAY_CONFIG|secureValue)\"?\\s*[=:]\\s*");
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\u200B\\u200C\\u200D\\u2060\\uFEFF]+");
    private static final Pattern BASE64_ANY = Pattern.compile("[A-Za-z0-9+/=_-]*");
    private static final Pattern BASE64_STD = Pattern.compile("[A-Za-z0-9+/]*={0,2}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern KEY_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,40}");
    private static final Pattern OTT_REGION = Pattern.compile("(?i)(US|EU|AU|CA|JP|GOV|US_GOV)");
    private static final Pattern HOST = Pattern.compile("(?i)([a-z0-9-]+\\.)+[a-z]{2,}");
    private static final Pattern OTT_TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,}={0,2}");
    /** The token part of a one-time token alone: 32 bytes, url-safe base64 without padding. A config is far longer. */
    private static final Pattern BARE_TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** A config is about 1,000 characters; a paste far longer is something else (and not worth scanning). */
    static final int MAX_PASTE = 64 * 1024;
    /** How many layers of base64 are unwrapped to recognise a config encoded more than once. */
    private static final int MAX_LAYERS = 4;
    /** A YAML block scalar indicator ({@code |}, {@code >-}, …) on its own line, copied from a manifest. */
    private static final Pattern YAML_BLOCK = Pattern.compile("^[|>][-+0-9]{0,2}[ \\t]*\\R");

    private ConfigDecoder() {
    }

    /** The pasted text after step 1, and what was removed. */
    private record Cleaned(String text, boolean removedDecoration) {
    }

    static DecodeResult decode(String raw) {
        List<Problem> problems = new ArrayList<>();
        if (raw == null || raw.isBlank()) {
            problems.add(required());
            return new DecodeResult(Optional.empty(), problems, Secret.EMPTY);
        }
        if (raw.length() > MAX_PASTE) {
            problems.add(Problem.error(GATEWAY_CONFIG_NOT_BASE64, FIELD,
                    "The pasted text is far too long to be a gateway config (" + raw.length() + " characters; a config has"
                            + " about a thousand).", RECOPY));
            return new DecodeResult(Optional.empty(), problems, Secret.EMPTY);
        }
        Cleaned c = clean(raw);
        String text = c.text();
        if (text.isEmpty()) {
            problems.add(required());
            return new DecodeResult(Optional.empty(), problems, Secret.EMPTY);
        }
        List<Problem> infos = new ArrayList<>();
        if (c.removedDecoration()) {
            infos.add(Problem.info(GATEWAY_CONFIG_CLEANED, FIELD,
                    "Removed terminal colour codes, separator lines, quotes or a GATEWAY_CONFIG= prefix around the pasted config.",
                    "Nothing to do; the cleaned value is used."));
        }

        if (text.startsWith("{")) {
            return fromJsonText(text, problems, infos, Secret.of(text));
        }

        String compact = WHITESPACE.matcher(text).replaceAll("");
        Secret cleaned = Secret.of(compact);
        if (!compact.equals(text)) {
            infos.add(Problem.info(GATEWAY_CONFIG_UNWRAPPED, FIELD,
                    "The pasted config was wrapped over several lines (or held spaces); they were joined into one line.",
                    "Nothing to do; the joined value is used."));
        }

        Optional<Problem> ott = oneTimeToken(compact, false);
        if (ott.isPresent()) {
            return failed(ott.get(), cleaned);
        }
        if (!BASE64_ANY.matcher(compact).matches()) {
            long bad = compact.chars().filter(ch -> !isBase64Char(ch)).count();
            return failed(Problem.error(GATEWAY_CONFIG_NOT_BASE64, FIELD,
                    "The gateway config is not base64: it has " + bad + " character" + (bad == 1 ? "" : "s")
                            + " that base64 never uses (only letters, digits, + / and = padding).",
                    RECOPY), cleaned);
        }
        boolean urlChars = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0;
        boolean stdChars = compact.indexOf('+') >= 0 || compact.indexOf('/') >= 0;
        if (urlChars && !stdChars) {
            return failed(Problem.error(GATEWAY_CONFIG_URL_SAFE, FIELD,
                    "The gateway config uses the url-safe base64 alphabet ('-' and '_'); the gateway only reads standard "
                            + "base64 ('+' and '/').",
                    "Paste the config exactly as `" + NEW_CONFIG_COMMAND + "` prints it; do not convert it."), cleaned);
        }
        if (urlChars) {
            return failed(Problem.error(GATEWAY_CONFIG_NOT_BASE64, FIELD,
                    "The gateway config mixes two base64 alphabets ('-' or '_' beside '+' or '/'), so it was changed "
                            + "after Commander printed it.",
                    RECOPY), cleaned);
        }
        int firstPad = compact.indexOf('=');
        if (firstPad >= 0 && (!BASE64_STD.matcher(compact).matches())) {
            return failed(Problem.error(GATEWAY_CONFIG_NOT_BASE64, FIELD,
                    "The gateway config has '=' in the middle; '=' may only pad the end. Two strings may have been pasted together.",
                    RECOPY), cleaned);
        }
        if (compact.length() % 4 != 0) {
            if (!startsLikeConfig(compact)) {
                return failed(Problem.error(GATEWAY_CONFIG_NOT_BASE64, FIELD,
                        "The pasted text is not a gateway config: a config is base64-encoded JSON and starts with eyJ.",
                        RECOPY), cleaned);
            }
            boolean onlyPaddingMissing = paddedDecodesToJson(compact);
            return failed(Problem.error(GATEWAY_CONFIG_TRUNCATED, FIELD,
                    onlyPaddingMissing
                            ? "The gateway config is missing its '=' padding at the end (its length is not a multiple of 4)."
                            : "The gateway config is cut short: its length is not a multiple of 4, so characters are missing.",
                    RECOPY), cleaned);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            return failed(notBase64Generic(), cleaned);
        }
        if (!Base64.getEncoder().encodeToString(bytes).equals(compact)) {
            return failed(notBase64Generic(), cleaned);
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return failed(notJson("The gateway config decodes to binary data, not to JSON text."), cleaned);
        }
        String inner = decoded.strip();
        int layers = encodingLayers(inner);
        if (layers > 1) {
            return failed(Problem.error(GATEWAY_CONFIG_DOUBLE_ENCODED, FIELD,
                    "The gateway config was base64-encoded " + (layers == 2 ? "twice" : layers + " times")
                            + ": it decodes to another base64 string instead of JSON.",
                    "Paste the value Commander printed as it is; do not encode it again (for example, not a Kubernetes "
                            + "`data:` value, which is base64 of the config)."), cleaned);
        }
        Optional<Problem> innerOtt = oneTimeToken(WHITESPACE.matcher(inner).replaceAll(""), true);
        if (innerOtt.isPresent()) {
            return failed(innerOtt.get(), cleaned);
        }
        if (!inner.startsWith("{")) {
            return failed(notJson("The gateway config decodes to text that is not JSON."), cleaned);
        }
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(decoded);
        } catch (JsonProcessingException e) {
            if (endsEarly(e, decoded)) {
                return failed(Problem.error(GATEWAY_CONFIG_TRUNCATED, FIELD,
                        "The gateway config is cut short: the JSON inside it ends before its closing brace.", RECOPY), cleaned);
            }
            // Never e.getMessage(): Jackson quotes the offending input.
            return failed(notJson("The gateway config decodes to text that is not valid JSON."), cleaned);
        }
        if (!(node instanceof ObjectNode obj)) {
            return failed(notJson("The gateway config decodes to JSON, but not to a single JSON object."), cleaned);
        }
        return checkKeys(obj, compact, problems, infos);
    }

    /** The user pasted the JSON form: accept it if it is a good config and deploy its base64 encoding. */
    private static DecodeResult fromJsonText(String text, List<Problem> problems, List<Problem> infos, Secret pasted) {
        JsonNode node;
        try {
            node = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            if (endsEarly(e, text)) {
                return failed(Problem.error(GATEWAY_CONFIG_TRUNCATED, FIELD,
                        "The pasted JSON config is cut short: it ends before its closing brace.", RECOPY), pasted);
            }
            return failed(notJson("The pasted text starts like JSON ('{') but is not valid JSON."), pasted);
        }
        if (!(node instanceof ObjectNode obj)) {
            return failed(notJson("The pasted text is JSON, but not a single JSON object."), pasted);
        }
        String encoded;
        try {
            encoded = Base64.getEncoder().encodeToString(Json.MAPPER.writeValueAsBytes(obj));
        } catch (JsonProcessingException e) {
            return failed(notJson("The pasted JSON config could not be re-encoded."), pasted);
        }
        problems.add(Problem.warning(GATEWAY_CONFIG_IS_JSON, FIELD,
                "The gateway config was pasted as JSON; the container expects it base64-encoded.",
                "Nothing to do: the wizard deploys the base64 encoding of this JSON. Next time use `-c b64` to get the "
                        + "base64 form directly."));
        return checkKeys(obj, encoded, problems, infos);
    }

    private static DecodeResult checkKeys(ObjectNode obj, String base64, List<Problem> problems, List<Problem> infos) {
        Secret cleaned = Secret.of(base64);
        for (String key : REQUIRED_KEYS) {
            JsonNode v = obj.get(key);
            if (v == null || v.isNull()) {
                problems.add(Problem.error(GATEWAY_CONFIG_MISSING_KEY, FIELD,
                        "The gateway config has no '" + key + "' key" + missingHint(key) + ".", RECREATE));
            } else if (!v.isTextual()) {
                problems.add(Problem.error(GATEWAY_CONFIG_VALUE_NOT_STRING, FIELD,
                        "The gateway config's '" + key + "' is a JSON " + v.getNodeType().name().toLowerCase(Locale.ROOT)
                                + ", not a string.", RECREATE));
            } else if (v.asText().isBlank()) {
                problems.add(Problem.error(GATEWAY_CONFIG_MISSING_KEY, FIELD,
                        "The gateway config's '" + key + "' is empty" + missingHint(key) + ".", RECREATE));
            }
        }
        checkSizedKey(obj, "clientId", CLIENT_ID_BYTES, GATEWAY_CONFIG_CLIENT_ID_SIZE, problems);
        checkSizedKey(obj, "appKey", APP_KEY_BYTES, GATEWAY_CONFIG_APP_KEY_SIZE, problems);
        checkPrivateKey(obj, problems);

        String keyId = text(obj, "serverPublicKeyId");
        if (keyId != null && !keyId.isBlank() && !DIGITS.matcher(keyId).matches()) {
            problems.add(Problem.error(GATEWAY_CONFIG_SERVER_KEY_ID_INVALID, FIELD,
                    "The gateway config's 'serverPublicKeyId' is not a number (Keeper's key ids are digits such as 10).",
                    RECREATE));
        }
        boolean ownerKey = obj.has(OWNER_KEY) && !obj.get(OWNER_KEY).isNull();
        if (ownerKey) {
            String v = text(obj, OWNER_KEY);
            byte[] b = v == null ? null : strictBase64(v);
            if (b == null || b.length != OWNER_KEY_BYTES || b[0] != 0x04) {
                problems.add(Problem.warning(GATEWAY_CONFIG_OWNER_KEY_INVALID, FIELD,
                        "The gateway config's optional 'appOwnerPublicKey' is not a base64 " + OWNER_KEY_BYTES
                                + "-byte EC public key; the gateway may reject the config.",
                        RECREATE));
            }
        }
        if (obj.has(CLIENT_KEY)) {
            problems.add(Problem.error(GATEWAY_CONFIG_NOT_BOUND, FIELD,
                    "The gateway config still holds 'clientKey', the one-time token: it was never redeemed, so no device "
                            + "was bound to it.",
                    "Create the config with `" + NEW_CONFIG_COMMAND + "`, which redeems the token for you, and paste that."));
        }
        for (Iterator<String> it = obj.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!REQUIRED_KEYS.contains(key) && !key.equals(OWNER_KEY) && !key.equals(CLIENT_KEY) && !ISOLATED_KEYS.contains(key)) {
                String shown = KEY_NAME.matcher(key).matches() ? "'" + key + "'" : "with an unusual name";
                problems.add(Problem.warning(GATEWAY_CONFIG_UNKNOWN_KEY, FIELD,
                        "The gateway config has a key " + shown + " that Keeper's Secrets Manager SDKs do not know; the Java "
                                + "SDK rejects configs with unknown keys.",
                        "Use the config exactly as Commander or the Web Vault produced it."));
            }
        }

        String hostValue = text(obj, "hostname");
        String host = hostValue == null ? "" : KeeperRegion.hostOf(hostValue);
        KeeperRegion region = hostValue == null ? null : KeeperRegion.fromHostname(hostValue).orElse(null);
        if (hostValue != null && !hostValue.isBlank() && region == null) {
            problems.add(Problem.warning(GATEWAY_CONFIG_UNKNOWN_REGION, FIELD,
                    "The gateway config's hostname '" + printable(host) + "' is not one of Keeper's public regions "
                            + "(keepersecurity.com, .eu, .com.au, .ca, .jp, govcloud.keepersecurity.us).",
                    "Fine for a private or test Keeper host; otherwise create the config in your tenant's region."));
        }

        List<Problem> all = new ArrayList<>(problems);
        all.addAll(infos);
        all.sort(Comparator.comparing(Problem::severity));
        if (Problem.anyError(all)) {
            return new DecodeResult(Optional.empty(), all, cleaned);
        }
        GatewayConfig config = new GatewayConfig(host, region, keyId, ownerKey, cleaned);
        return new DecodeResult(Optional.of(config), all, cleaned);
    }

    private static void checkSizedKey(ObjectNode obj, String key, int expected, String sizeCode, List<Problem> problems) {
        String v = text(obj, key);
        if (v == null || v.isBlank()) {
            return;
        }
        byte[] b = strictBase64(v);
        if (b == null) {
            problems.add(valueNotBase64(key));
        } else if (b.length != expected) {
            problems.add(Problem.error(sizeCode, FIELD,
                    "The gateway config's '" + key + "' decodes to " + b.length + " bytes; it must be " + expected + " bytes.",
                    RECREATE));
        }
    }

    private static void checkPrivateKey(ObjectNode obj, List<Problem> problems) {
        String v = text(obj, "privateKey");
        if (v == null || v.isBlank()) {
            return;
        }
        byte[] der = strictBase64(v);
        if (der == null) {
            problems.add(valueNotBase64("privateKey"));
            return;
        }
        boolean p256 = isP256Pkcs8(der);
        if (!p256 || der.length != PRIVATE_KEY_BYTES) {
            String what = p256
                    ? "is an EC P-256 key of " + der.length + " bytes; Keeper's configs hold " + PRIVATE_KEY_BYTES + " bytes"
                    : "is not a PKCS#8 EC P-256 private key (" + der.length + " bytes)";
            problems.add(Problem.warning(GATEWAY_CONFIG_PRIVATE_KEY_UNUSUAL, FIELD,
                    "The gateway config's 'privateKey' " + what + ".",
                    "If the gateway does not come online with this config, create a new one with `" + NEW_CONFIG_COMMAND + "`."));
        }
    }

    private static boolean isP256Pkcs8(byte[] der) {
        try {
            PrivateKey k = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
            return k instanceof ECPrivateKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256;
        } catch (Exception e) {
            // Any parse failure means "not a P-256 PKCS#8 key"; the exception is dropped on purpose (it may quote bytes).
            return false;
        }
    }

    /** Strict standard base64 decode: alphabet, padding, length, and an exact round trip; {@code null} if not. */
    static byte[] strictBase64(String s) {
        if (s.isEmpty() || s.length() % 4 != 0 || !BASE64_STD.matcher(s).matches()) {
            return null;
        }
        try {
            byte[] b = Base64.getDecoder().decode(s);
            return Base64.getEncoder().encodeToString(b).equals(s) ? b : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A one-time access token: {@code REGION:token} (US, EU, AU, CA, JP, GOV), {@code host:token} for other Keeper
     * servers, or IL5's {@code IL5:clientKey:keyId:serverPublicKey}. A config never contains ':'.
     */
    private static Optional<Problem> oneTimeToken(String compact, boolean insideBase64) {
        if (compact.indexOf(':') < 0) {
            if (!insideBase64 && BARE_TOKEN.matcher(compact).matches() && !startsLikeConfig(compact)) {
                return Optional.of(ottProblem("without its region prefix", false));
            }
            return Optional.empty();
        }
        String[] parts = compact.split(":", -1);
        String prefix = parts[0];
        boolean isIl5 = prefix.equalsIgnoreCase("IL5") && parts.length == 4
                && !parts[1].isEmpty() && !parts[2].isEmpty() && !parts[3].isEmpty();
        boolean isToken = parts.length == 2 && OTT_TOKEN.matcher(parts[1]).matches()
                && (OTT_REGION.matcher(prefix).matches() || HOST.matcher(prefix).matches());
        if (!isIl5 && !isToken) {
            return Optional.empty();
        }
        String where;
        if (isIl5) {
            where = "IL5";
        } else if (OTT_REGION.matcher(prefix).matches()) {
            where = "region " + prefix.toUpperCase(Locale.ROOT);
        } else {
            where = "server " + printable(prefix.toLowerCase(Locale.ROOT));
        }
        return Optional.of(ottProblem(where, insideBase64));
    }

    private static Problem ottProblem(String where, boolean insideBase64) {
        return Problem.error(GATEWAY_CONFIG_ONE_TIME_TOKEN, FIELD,
                (insideBase64 ? "The gateway config decodes to a one-time token (" : "This is a one-time token (")
                        + where + "), not the gateway configuration; the container needs the base64 configuration.",
                "Run `" + NEW_CONFIG_COMMAND + "` in Keeper Commander and paste the base64 string it prints "
                        + "(add -r to print only the string).");
    }

    /** Whether the first characters decode to JSON's opening brace (after optional whitespace). */
    private static boolean startsLikeConfig(String compact) {
        int n = Math.min(8, compact.length() / 4 * 4);
        if (n == 0) {
            return false;
        }
        byte[] head = strictBase64(compact.substring(0, n));
        if (head == null) {
            return false;
        }
        for (byte b : head) {
            if (b == '{') {
                return true;
            }
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return false;
    }

    /** {@code eyJ} is base64 of <code>{"</code>: decoded text of that shape means the config was encoded twice. */
    private static boolean looksLikeBase64Config(String inner) {
        String compact = WHITESPACE.matcher(inner).replaceAll("");
        return compact.startsWith("eyJ") && compact.length() >= 8 && BASE64_ANY.matcher(compact).matches();
    }

    /**
     * How many times the decoded text {@code inner} is the config encoded once more: 1 when it is not base64 of a
     * config at all; 2 when it is the base64 config (encoded twice); 3 and up when it takes more layers to get there.
     */
    private static int encodingLayers(String inner) {
        String layer = inner;
        for (int n = 2; n <= MAX_LAYERS + 1; n++) {
            if (looksLikeBase64Config(layer)) {
                return n;
            }
            String compact = WHITESPACE.matcher(layer).replaceAll("");
            byte[] next = compact.length() >= 8 ? strictBase64(compact) : null;
            if (next == null) {
                return 1;
            }
            layer = new String(next, StandardCharsets.UTF_8).strip();
        }
        return 1;
    }

    /**
     * Whether a JSON parse failed because the text ended early (a cut paste), not because of a mistake inside it:
     * Jackson reports an unexpected end of input, or a string, object or list is still open at the end.
     */
    private static boolean endsEarly(JsonProcessingException e, String text) {
        if (e instanceof JsonEOFException) {
            return true;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '{' || ch == '[') {
                depth++;
            } else if (ch == '}' || ch == ']') {
                depth--;
            }
        }
        return inString || depth > 0;
    }

    /** Whether adding 1–2 '=' makes {@code compact} decode to a complete JSON object (so only padding is missing). */
    private static boolean paddedDecodesToJson(String compact) {
        int missing = (4 - compact.length() % 4) % 4;
        if (missing == 3) {
            return false;
        }
        byte[] b = strictBase64(compact + "=".repeat(missing));
        if (b == null) {
            return false;
        }
        try {
            return Json.MAPPER.readTree(b) instanceof ObjectNode;
        } catch (Exception e) {
            return false;
        }
    }

    private static Cleaned clean(String raw) {
        String s = raw;
        s = ANSI_OSC.matcher(s).replaceAll("");
        s = ANSI_CSI.matcher(s).replaceAll("");
        s = s.replace("\u001B", "");
        s = BARE_SGR.matcher(s).replaceAll("");
        boolean decoration = !s.equals(raw);

        StringBuilder kept = new StringBuilder(s.length());
        for (String line : s.split("\\R", -1)) {
            if (SEPARATOR_LINE.matcher(line.strip()).matches()) {
                decoration = true;
                continue;
            }
            if (kept.length() > 0) {
                kept.append('\n');
            }
            kept.append(line);
        }
        String text = kept.toString().strip();
        for (int round = 0; round < 2; round++) {
            Matcher m = ASSIGNMENT.matcher(text);
            if (m.find()) {
                text = text.substring(m.end()).strip();
                decoration = true;
            }
            Matcher block = YAML_BLOCK.matcher(text);
            if (block.find()) {
                text = text.substring(block.end()).strip();
                decoration = true;
            }
            if (text.length() >= 2) {
                char first = text.charAt(0);
                char last = text.charAt(text.length() - 1);
                if ((first == '"' || first == '\'' || first == '`') && last == first) {
                    text = text.substring(1, text.length() - 1).strip();
                    decoration = true;
                }
            }
        }
        return new Cleaned(text, decoration);
    }

    private static boolean isBase64Char(int ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')
                || ch == '+' || ch == '/' || ch == '=' || ch == '-' || ch == '_';
    }

    private static String text(ObjectNode obj, String key) {
        JsonNode v = obj.get(key);
        return v != null && v.isTextual() ? v.asText() : null;
    }

    private static String missingHint(String key) {
        return switch (key) {
            case "clientId" -> " (without it the gateway looks for a one-time token and fails)";
            case "appKey", "privateKey" -> " (the gateway cannot decrypt its records without it)";
            case "hostname" -> " (the gateway would not know its Keeper region)";
            default -> "";
        };
    }

    /** A host from the config, made safe for a message: printable, at most 100 characters. */
    private static String printable(String s) {
        String p = s.replaceAll("[\\p{Cntrl}\\p{Z}]", "?");
        return p.length() <= 100 ? p : p.substring(0, 97) + "...";
    }

    private static DecodeResult failed(Problem p, Secret cleaned) {
        return new DecodeResult(Optional.empty(), List.of(p), cleaned);
    }

    private static Problem required() {
        return Problem.error(GATEWAY_CONFIG_REQUIRED, FIELD, "The gateway config is empty.",
                "Paste the base64 config from `" + NEW_CONFIG_COMMAND + "` (or in the Web Vault or Desktop App: "
                        + "Create New \u2192 Gateway, Base64).");
    }

    private static Problem notBase64Generic() {
        return Problem.error(GATEWAY_CONFIG_NOT_BASE64, FIELD,
                "The gateway config is not valid standard base64 (its last characters do not decode cleanly).", RECOPY);
    }

    private static Problem valueNotBase64(String key) {
        return Problem.error(GATEWAY_CONFIG_VALUE_NOT_BASE64, FIELD,
                "The gateway config's '" + key + "' is not standard base64.", RECREATE);
    }

    private static Problem notJson(String message) {
        return Problem.error(GATEWAY_CONFIG_NOT_JSON, FIELD, message, RECREATE);
    }
}
