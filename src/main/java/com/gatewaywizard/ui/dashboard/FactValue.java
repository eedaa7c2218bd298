package com.gatewaywizard.ui.dashboard;

import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;

/**
 * A detail fact that may be long with no spaces (an image {@code keeper/gateway:latest}, a subnet
 * {@code vnet-keeper/aci-undelegated}): it goes on in further lines only after a '/', '-', ':' or space, never inside
 * a word (JavaFX wraps at spaces only and splits a word that does not fit). It never gets narrower than its longest
 * unbreakable part, asks for its whole length on one line, and takes as many lines as the width it gets needs.
 * Screen readers get the value as is.
 */
final class FactValue extends Label {
    private final LineBreaks breaks = new LineBreaks("/:\\- ");
    private String value = "";

    FactValue() {
        setWrapText(false); // the lines are ours
        setTextOverrun(OverrunStyle.CLIP);
    }

    /** Shows {@code v} (null: nothing). */
    void setValue(String v) {
        value = v == null ? "" : v;
        setAccessibleText(value);
        setText(value);
        requestLayout();
    }

    String value() {
        return value;
    }

    private double insets() {
        return snappedLeftInset() + snappedRightInset();
    }

    private double width(String s) {
        return Math.ceil(breaks.width(s, getFont()));
    }

    /** {@code value} in lines of at most {@code room} px, each ending after a '/', '-', ':' or space. */
    String lines(double room) {
        return breaks.lines(value, room, getFont());
    }

    @Override
    public Orientation getContentBias() {
        return Orientation.HORIZONTAL;
    }

    @Override
    protected double computeMinWidth(double height) {
        double longest = 0;
        for (String p : breaks.parts(value)) {
            longest = Math.max(longest, width(p.stripTrailing()));
        }
        return longest + insets() + 1;
    }

    @Override
    protected double computePrefWidth(double height) {
        return width(value) + insets() + 1;
    }

    @Override
    protected double computePrefHeight(double width) {
        if (width <= 0) {
            width = getWidth() > 0 ? getWidth() : computePrefWidth(-1);
        }
        return Math.ceil(breaks.height(lines(width - insets() - 1), getFont(), 0)) + snappedTopInset() + snappedBottomInset();
    }

    @Override
    protected double computeMinHeight(double width) {
        return computePrefHeight(width);
    }

    @Override
    protected void layoutChildren() {
        String wanted = lines(getWidth() - insets() - 1);
        if (!wanted.equals(getText())) {
            setText(wanted); // the width changed: lay the lines out again
        }
        super.layoutChildren();
    }
}
