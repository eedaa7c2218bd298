package com.gatewaywizard.ui;

import com.gatewaywizard.azure.AzureServices;
import com.gatewaywizard.azure.SignInRequest;

/** Signs in: {@code Azure.connect} in the app. Blocking (it may wait for a browser or a device code): call off the FX thread. */
@FunctionalInterface
public interface Connector {
    AzureServices connect(SignInRequest request) throws Exception;
}
