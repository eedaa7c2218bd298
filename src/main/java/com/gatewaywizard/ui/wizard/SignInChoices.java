package com.gatewaywizard.ui.wizard;

import com.gatewaywizard.AppInfo;
import com.gatewaywizard.state.JsonStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the sign-in form remembers across runs ({@code signin.json} under {@link AppInfo#dataDir()}): the cloud, the
 * method, tenant, client id, certificate path and the simulator address. Never a secret (the client secret and the
 * certificate password stay in memory). Kept with the shared {@link JsonStore} (atomic, owner-only; a damaged file is
 * set aside). Blocking: load and save off the FX thread.
 *
 * @param cloud            a {@link com.gatewaywizard.azure.CloudKind} name
 * @param method           a {@link com.gatewaywizard.azure.SignInMethod} name
 * @param simulatorAddress empty for the built-in simulator, else a separately started one's URL
 */
public record SignInChoices(String cloud, String method, String tenantId, String clientId, String certificate,
        String simulatorAddress) {
    static final int FORMAT = 1;

    /** The usual file in the app's data folder. */
    public static Path file() {
        return AppInfo.dataDir().resolve("signin.json");
    }

    /** The choices saved in {@code file}, if any (a damaged file is set aside and reads as none). */
    public static Optional<SignInChoices> load(Path file) {
        com.gatewaywizard.state.JsonStore.Loaded<SignInChoices> loaded = store(file).load();
        loaded.notice().ifPresent(com.gatewaywizard.ui.FileNotices::add); // the start page says so
        return loaded.value();
    }

    public void save(Path file) throws IOException {
        store(file).save(this);
    }

    private static JsonStore<SignInChoices> store(Path file) {
        return new JsonStore<>(file, SignInChoices.class, FORMAT, "sign-in choices file", null);
    }
}
