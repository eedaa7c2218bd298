package com.gatewaywizard.ui.wizard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.gatewaywizard.keeper.TestConfigs;
import com.gatewaywizard.spec.Limits;
import com.gatewaywizard.spec.Problem;
import com.gatewaywizard.spec.ProblemCodes;
import com.gatewaywizard.ui.AppContext;
import com.gatewaywizard.ui.DashboardScope;
import com.gatewaywizard.ui.Navigator;
import com.gatewaywizard.ui.Texts;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The steps' rules, on their view models alone: no stage, no Azure. */
class StepRulesTest {
    static final Navigator NOWHERE = new Navigator() {
        @Override
        public void showStart() {
        }

        @Override
        public void showWizard() {
        }

        @Override
        public void showDashboard(DashboardScope scope) {
        }
    };

    @BeforeAll
    static void fx() {
        FxThread.start();
    }

    static WizardModel model() {
        return new WizardModel(new AppContext(Texts.bundle(), NOWHERE));
    }

    static List<String> codes(StepViewModel vm) {
        return vm.messages().stream().map(Problem::code).toList();
    }

    @Test
    void emptyFieldErrorsWaitUntilTheStepIsTouchedButNextStaysDisabled() throws Exception {
        FxThread.run(() -> {
            WizardModel m = model();
            PlaceViewModel vm = new PlaceViewModel(m);
            assertFalse(vm.valid().get(), "nothing chosen yet");
            assertTrue(vm.messages().stream().noneMatch(p -> p.code().endsWith("_REQUIRED")), vm.messages().toString());
            vm.touched.set(true);
            assertTrue(codes(vm).contains(ProblemCodes.SUBSCRIPTION_ID_REQUIRED), codes(vm).toString());
            assertFalse(vm.valid().get());
        });
    }

    @Test
    void theNetworkStepPointsAtItsOwnListNotAtTheNetworkStep() throws Exception {
        FxThread.run(() -> {
            WizardModel m = model();
            NetworkViewModel vm = new NetworkViewModel(m);
            vm.touched.set(true);
            Problem p = vm.messagesFor("subnetId").stream().filter(x -> x.code().equals(ProblemCodes.SUBNET_ID_REQUIRED))
                    .findFirst().orElseThrow();
            assertFalse(p.fix().contains("Network step"), p.fix());
            assertTrue(p.fix().startsWith("Pick the subnet in the list above"), p.fix());
        });
    }

    @Test
    void trainingRegistryValuesAreOfferedOnlyOnTheSimulatorAndPassTheStep() throws Exception {
        FxThread.run(() -> {
            WizardModel m = model();
            RegistryViewModel vm = new RegistryViewModel(m);
            m.context().simulatorProperty().set(false);
            vm.useTrainingValues();
            assertEquals("", m.dockerUser.get(), "nothing made up against real Azure");
            m.context().simulatorProperty().set(true);
            vm.useTrainingValues();
            assertEquals(RegistryViewModel.TRAINING_USER, m.dockerUser.get());
            assertTrue(m.dockerPat.get().startsWith("dckr_pat_"));
            assertTrue(vm.valid().get(), vm.messages().toString());
        });
    }

    @Test
    void theConfigStepGivesOneVaultPathAndShowsCommandsWithoutBackticks() throws Exception {
        FxThread.run(() -> {
            WizardModel m = model();
            ConfigViewModel vm = new ConfigViewModel(m);
            vm.touched.set(true);
            Problem p = vm.messagesFor("gatewayConfig").get(0);
            assertTrue(p.fix().contains("Create New \u2192 Gateway") && !p.fix().contains("Provision Gateway"), p.fix());
            assertTrue(Texts.get("config.how").contains("Web Vault or Desktop App: Create New \u2192 Gateway"));
            javafx.scene.Node n = Forms.withCode(p.fix(), "problem-fix");
            javafx.scene.text.TextFlow flow = (javafx.scene.text.TextFlow) n;
            assertTrue(flow.getChildren().stream().map(c -> ((javafx.scene.text.Text) c).getText()).noneMatch(x -> x.contains("`")));
            assertTrue(flow.getChildren().stream().anyMatch(c -> c.getStyleClass().contains("flow-code")
                    && ((javafx.scene.text.Text) c).getText().startsWith("pam gateway new")), flow.getChildren().toString());
        });
    }

    @Test
    void optionsRefuseABadNameAndOfferTheFix() throws Exception {
        FxThread.run(() -> {
            WizardModel m = model();
            OptionsViewModel vm = new OptionsViewModel(m);
            assertTrue(vm.valid().get(), "defaults are valid: " + vm.messages());
            m.name.set("My_Gateway.Prod");
            assertFalse(vm.valid().get());
            assertTrue(codes(vm).contains(ProblemCodes.NAME_INVALID), codes(vm).toString());
            Problem p = vm.messagesFor("name").get(0);
            assertTrue(p.message().contains("name"), p.message());
            assertEquals("my-gateway-prod", vm.suggestedName().get());
            vm.useSuggestedName();
            assertEquals("my-gateway-prod", m.name.get());
            assertTrue(vm.valid().get());
        });
    }

    @Test
    void optionsRefuseCpuAboveTheRegionLimit() throws Exception {
        FxThread.run(() -> {
            WizardModel m = model();
            OptionsViewModel vm = new OptionsViewModel(m);
            m.limits.set(new Limits(2, 8));
            m.cpu.set("3");
            assertFalse(vm.valid().get());
            Problem p = vm.messagesFor("cpu").get(0);
            assertEquals(ProblemCodes.CPU_OUT_OF_RANGE, p.code());
            assertTrue(p.message().contains("between 0.1 and 2"), p.message());
            assertTrue(vm.limitsText().get().contains("2 CPU"), vm.limitsText().get());
            m.cpu.set("2");
            assertTrue(vm.valid().get(), vm.messages().toString());
        });
    }

    @Test
    void optionsShowTheCommanderCommandForAPool() throws Exception {
        FxThread.run(() -> {
            WizardModel m = model();
            OptionsViewModel vm = new OptionsViewModel(m);
            assertEquals("", vm.maxInstancesCommand().get());
            m.instances.set(3);
            assertEquals("pam gateway set-max-instances -g <GATEWAY_UID> -m 3", vm.maxInstancesCommand().get());
        });
    }

    @Test
    void registryRefusesATokenWithSpaces() throws Exception {
        FxThread.run(() -> {
            WizardModel m = model();
            RegistryViewModel vm = new RegistryViewModel(m);
            m.dockerUser.set("keeperadmin");
            m.dockerPat.set("my secret pass phrase");
            assertFalse(vm.valid().get());
            assertTrue(codes(vm).contains(ProblemCodes.DOCKER_PAT_LOOKS_LIKE_PASSWORD), codes(vm).toString());
            assertFalse(vm.messages().stream().anyMatch(p -> p.message().contains("secret pass")), "no secret in messages");
            m.dockerPat.set(RegistryViewModel.cleanPaste("  dckr_pat_abcdefghijklmnop1234\n"));
            assertEquals("dckr_pat_abcdefghijklmnop1234", m.dockerPat.get());
            assertTrue(vm.valid().get(), vm.messages().toString());
        });
    }

    @Test
    void configRefusesAOneTimeTokenAndSaysHowToGetAConfig() throws Exception {
        FxThread.run(() -> {
            WizardModel m = model();
            ConfigViewModel vm = new ConfigViewModel(m);
            m.gatewayConfig.set(TestConfigs.oneTimeToken("US"));
            assertFalse(vm.valid().get());
            Problem p = vm.messages().get(0);
            assertEquals(ProblemCodes.GATEWAY_CONFIG_ONE_TIME_TOKEN, p.code());
            assertFalse(p.fix().isEmpty());
            m.gatewayConfig.set(TestConfigs.commanderOutput(TestConfigs.valid()));
            assertTrue(vm.valid().get(), vm.messages().toString());
            assertTrue(vm.regionText().get().contains("keepersecurity.com"), vm.regionText().get());
            assertFalse(vm.endpoints().isEmpty());
            assertTrue(vm.endpointsTable().startsWith("Destination"));
        });
    }

    @Test
    void trainingConfigIsAValidConfig() throws Exception {
        FxThread.run(() -> {
            WizardModel m = model();
            ConfigViewModel vm = new ConfigViewModel(m);
            m.gatewayConfig.set(TrainingConfig.generate());
            assertTrue(vm.valid().get(), vm.messages().toString());
        });
    }

    @Test
    void networkRefusesAVnetIdAsSubnet() throws Exception {
        FxThread.run(() -> {
            WizardModel m = model();
            NetworkViewModel vm = new NetworkViewModel(m);
            m.subscriptionId.set("11111111-1111-1111-1111-111111111111");
            m.subnetId.set("/subscriptions/11111111-1111-1111-1111-111111111111/resourceGroups/rg-keeper/providers/"
                    + "Microsoft.Network/virtualNetworks/vnet-keeper");
            assertFalse(vm.valid().get());
            assertEquals(ProblemCodes.SUBNET_ID_IS_VNET, vm.messages().get(0).code());
        });
    }

    @Test
    void draftLeavesTheSecretsOut() throws Exception {
        FxThread.run(() -> {
            WizardModel m = model();
            m.dockerUser.set("keeperadmin");
            m.dockerPat.set("dckr_pat_SECRETSECRET");
            m.gatewayConfig.set("CONFIGSECRET");
            m.name.set("gw-one");
            m.instances.set(2);
            WizardDraft d = m.toDraft();
            String all = d.toString();
            assertFalse(all.contains("SECRET"), all);
            WizardModel back = model();
            back.fromDraft(d);
            assertEquals("gw-one", back.name.get());
            assertEquals(2, back.instances.get());
            assertEquals("keeperadmin", back.dockerUser.get());
            assertEquals("", back.dockerPat.get());
        });
    }
}
