package com.gatewaywizard.ui.wizard;

import java.util.Collection;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.scene.control.MultipleSelectionModel;
import javafx.scene.control.TreeItem;

/**
 * The two-level trees of the Place and Network steps (tenant → subscriptions, VNet → subnets): built from the
 * view-model's groups, and selecting exactly the leaf the model names (nothing when it names none).
 */
final class TwoLevelTree {
    private TwoLevelTree() {
    }

    /** A hidden root with one expanded item per group and its leaves under it. */
    static <G> TreeItem<Object> build(Collection<G> groups, Function<G, Object> groupValue,
            Function<G, ? extends Collection<?>> leaves) {
        TreeItem<Object> top = new TreeItem<>();
        for (G g : groups) {
            TreeItem<Object> group = new TreeItem<>(groupValue.apply(g));
            group.setExpanded(true);
            for (Object leaf : leaves.apply(g)) {
                group.getChildren().add(new TreeItem<>(leaf));
            }
            top.getChildren().add(group);
        }
        return top;
    }

    /** Clears the selection, then selects the leaves for which {@code current} holds (no stale highlight). */
    static void selectLeaf(TreeItem<Object> root, MultipleSelectionModel<TreeItem<Object>> selection, Predicate<Object> current) {
        if (root == null) {
            return;
        }
        selection.clearSelection();
        for (TreeItem<Object> group : root.getChildren()) {
            for (TreeItem<Object> leaf : group.getChildren()) {
                if (current.test(leaf.getValue())) {
                    selection.select(leaf);
                }
            }
        }
    }
}
