package com.gatewaywizard.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AzureRegionsTest {

    @ParameterizedTest
    @CsvSource({
        "westeurope, westeurope", "WestEurope, westeurope", "West Europe, westeurope", "west  europe, westeurope",
        "west-europe, westeurope", "East US 2, eastus2", "US Gov Virginia, usgovvirginia", "China North 3, chinanorth3",
        "usdodcentral, usdodcentral", "UK South, uksouth",
    })
    void canonicalMapsNamesAndDisplayNamesToTheArmName(String typed, String name) {
        assertEquals(Optional.of(name), AzureRegions.canonical(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "europe", "westeurope3", "germanycentral", "usgoviowa", "mars"})
    void unknownLogicalAndRetiredRegionsHaveNoCanonicalName(String typed) {
        assertEquals(Optional.empty(), AzureRegions.canonical(typed));
    }

    @Test
    void theListHoldsPublicGovernmentAndChinaRegions() {
        assertEquals(List.of("usgovvirginia", "usgovarizona", "usgovtexas", "usdodeast", "usdodcentral"),
                AzureRegions.of(AzureRegions.Cloud.US_GOVERNMENT).stream().map(AzureRegions.Region::name).toList());
        assertEquals(List.of("chinaeast", "chinaeast2", "chinaeast3", "chinanorth", "chinanorth2", "chinanorth3"),
                AzureRegions.of(AzureRegions.Cloud.CHINA).stream().map(AzureRegions.Region::name).toList());
        assertTrue(AzureRegions.of(AzureRegions.Cloud.PUBLIC).size() >= 55);
        assertEquals(Optional.of("West Europe"), AzureRegions.displayName("westeurope"));
    }

    @Test
    void namesAreLowercaseAlphanumericAndNamesAndDisplayNamesAreUnique() {
        Set<String> names = new HashSet<>();
        Set<String> displays = new HashSet<>();
        for (AzureRegions.Region r : AzureRegions.all()) {
            assertTrue(r.name().matches("[a-z0-9]+"), r.name());
            assertTrue(names.add(r.name()), r.name());
            assertTrue(displays.add(r.displayName()), r.displayName());
            // The relation the display-name fix relies on: squashing the display name gives the ARM name.
            assertEquals(r.name(), r.displayName().toLowerCase().replace(" ", ""), r.displayName());
        }
    }

    @ParameterizedTest
    @CsvSource({"westeurop, westeurope", "westeurope, westeurope", "eastus4, eastus", "uksouht, uksouth"})
    void closestSuggestsARegionAFewEditsAway(String typed, String name) {
        assertEquals(Optional.of(name), AzureRegions.closest(typed).map(AzureRegions.Region::name));
    }

    @Test
    void closestGivesNothingForFarOffText() {
        assertEquals(Optional.empty(), AzureRegions.closest("amsterdam"));
    }
}
