package com.gatewaywizard.azure;

/** An Azure region: ARM name ({@code westeurope}) and display name ({@code West Europe}). */
public record RegionInfo(String name, String displayName) {
}
