#!/bin/sh
# Renders src/site/dashboard-*.png from the app's own dashboard on the built-in simulator (1, 5 and 50 gateways,
# light and dark), headless (Monocle, software rendering), and prints the 50-gateway FX-thread benchmark line.
set -eu
cd "$(dirname "$0")/../.."
mvn -B -o -q test-compile
mvn -B -o -q dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k -Dheadless.geometry=1920x1200-32 -Djava.awt.headless=true \
  -Dgatewaywizard.home=target/test-home \
  com.gatewaywizard.ui.dashboard.DashboardScreenshots src/site
