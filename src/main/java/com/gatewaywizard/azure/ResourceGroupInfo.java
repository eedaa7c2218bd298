package com.gatewaywizard.azure;

public record ResourceGroupInfo(String name, String location) {
}
