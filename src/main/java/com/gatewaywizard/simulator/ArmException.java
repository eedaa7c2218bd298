package com.gatewaywizard.simulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * An ARM error answer: HTTP status plus the body {@code {"error":{"code","message","details"}}}. Messages follow the
 * wording Azure uses where it is known; they never contain a secret value.
 */
public final class ArmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String target;
    private final transient List<ArmException> details;
    private final transient List<String[]> headers = new ArrayList<>();

    public ArmException(int status, String code, String message) {
        this(status, code, message, null, List.of());
    }

    public ArmException(int status, String code, String message, String target, List<ArmException> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.target = target;
        this.details = List.copyOf(details);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String target() {
        return target;
    }

    /** Adds a response header (e.g. {@code Retry-After}). */
    public ArmException withHeader(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    List<String[]> headers() {
        return headers;
    }

    /** The body ARM sends: every error carries {@code code}, {@code message} and {@code details}. */
    public ObjectNode toBody() {
        ObjectNode root = ArmJson.object();
        root.set("error", errorNode(true));
        return root;
    }

    ObjectNode errorNode(boolean withDetails) {
        ObjectNode e = ArmJson.object();
        e.put("code", code);
        e.put("message", getMessage());
        if (target != null) {
            e.put("target", target);
        }
        if (withDetails) {
            ArrayNode arr = e.putArray("details");
            for (ArmException d : details) {
                arr.add(d.errorNode(false));
            }
        }
        return e;
    }

    // ---- common errors --------------------------------------------------------------------------------------

    public static ArmException notFound(String message) {
        return new ArmException(404, "NotFound", message);
    }

    public static ArmException resourceNotFound(String type, String name, String resourceGroup) {
        return new ArmException(404, "ResourceNotFound", "The Resource '" + type + "/" + name + "' under resource group '"
                + resourceGroup + "' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix");
    }

    public static ArmException resourceGroupNotFound(String resourceGroup) {
        return new ArmException(404, "ResourceGroupNotFound", "Resource group '" + resourceGroup + "' could not be found.");
    }

    public static ArmException subscriptionNotFound(String subscriptionId) {
        return new ArmException(404, "SubscriptionNotFound", "The subscription '" + subscriptionId + "' could not be found.");
    }

    public static ArmException badRequest(String code, String message) {
        return new ArmException(400, code, message);
    }

    public static ArmException conflict(String code, String message) {
        return new ArmException(409, code, message);
    }
}
