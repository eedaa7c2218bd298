package com.gatewaywizard.ui;

import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.spec.GatewaySpec;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What the views of the one main window share: texts, the navigator, the signed-in Azure session (null until sign-in),
 * the training-simulator switch, and the specs deployed in this session. The specs hold the secrets, in memory only,
 * so the dashboard can redeploy or add an instance without asking again (GET never returns secrets).
 */
public final class AppContext {
    private final ResourceBundle texts;
    private final Navigator navigator;
    private final ObjectProperty<AzureServices> services = new SimpleObjectProperty<>();
    private final BooleanProperty simulator = new SimpleBooleanProperty();
    private final javafx.beans.property.StringProperty simulatorAddress = new javafx.beans.property.SimpleStringProperty("");
    private final Map<String, GatewaySpec> deployedSpecs = new ConcurrentHashMap<>();
    private volatile Connector connector = request -> {
        throw new IllegalStateException("no Azure connector configured");
    };
    private volatile SimulatorSession simulatorSession;
    private volatile java.util.function.Consumer<String> browser = url -> { };
    /** The OS keychain and its index (opt-in secrets); made on first use, which does no I/O. */
    private volatile com.gatewaywizard.state.keychain.SavedSecrets savedSecrets;

    public AppContext(ResourceBundle texts, Navigator navigator) {
        this.texts = Objects.requireNonNull(texts);
        this.navigator = Objects.requireNonNull(navigator);
    }

    public ResourceBundle texts() {
        return texts;
    }

    public String text(String key) {
        return texts.getString(key);
    }

    public Navigator navigator() {
        return navigator;
    }

    /** The signed-in session; null when nobody is signed in. */
    public ObjectProperty<AzureServices> servicesProperty() {
        return services;
    }

    public AzureServices services() {
        return services.get();
    }

    /** True when the app runs on the built-in training simulator (a banner shows at all times). */
    public BooleanProperty simulatorProperty() {
        return simulator;
    }

    /**
     * The sign-in form's "Simulator address": empty for the built-in simulator, else the URL a separately started
     * {@code gateway-wizard simulator} printed (the one the CLI reaches with {@code --cloud simulator=URL}). The start
     * page's simulator switch and the form both sign in there.
     */
    public javafx.beans.property.StringProperty simulatorAddressProperty() {
        return simulatorAddress;
    }

    /** How the app signs in ({@code Azure.connect}); tests may replace it. */
    public Connector connector() {
        return connector;
    }

    public void setConnector(Connector c) {
        connector = Objects.requireNonNull(c);
    }

    /** The in-process training simulator of this app (started on first use), or null when the app has none. */
    public SimulatorSession simulatorSession() {
        return simulatorSession;
    }

    public void setSimulatorSession(SimulatorSession s) {
        simulatorSession = s;
    }

    /** Opens a web page in the system browser (the app's HostServices); does nothing in tests. */
    public void openBrowser(String url) {
        browser.accept(url);
    }

    public void setBrowser(java.util.function.Consumer<String> b) {
        browser = Objects.requireNonNull(b);
    }

    /**
     * Where secrets go when the user opts in to the OS keychain: this machine's keychain unless a test set another.
     * Creating it runs nothing; every call on it blocks, so use it through {@link Tasks}.
     */
    public com.gatewaywizard.state.keychain.SavedSecrets savedSecrets() {
        com.gatewaywizard.state.keychain.SavedSecrets s = savedSecrets;
        if (s == null) {
            synchronized (this) {
                s = savedSecrets;
                if (s == null) {
                    s = com.gatewaywizard.state.keychain.SavedSecrets.forThisOs();
                    savedSecrets = s;
                }
            }
        }
        return s;
    }

    public void setSavedSecrets(com.gatewaywizard.state.keychain.SavedSecrets s) {
        savedSecrets = Objects.requireNonNull(s);
    }

    /** Remembers a deployed spec (with its secrets, in memory only), keyed by subscription/resource group/pool name. */
    public void rememberDeployed(GatewaySpec spec) {
        deployedSpecs.put(key(spec.subscriptionId(), spec.resourceGroup(), spec.name()), spec);
    }

    /** The spec deployed in this session for that pool, or null. */
    public GatewaySpec deployedSpec(String subscriptionId, String resourceGroup, String pool) {
        return deployedSpecs.get(key(subscriptionId, resourceGroup, pool));
    }

    private static String key(String sub, String rg, String pool) {
        return (sub + "/" + rg + "/" + pool).toLowerCase(java.util.Locale.ROOT);
    }
}
