package dev.polyvirt.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The chart library report.html inlines, Apache ECharts (Apache-2.0), bundled from npm with its
 * LICENSE and NOTICE beside it ({@code resources/dev/polyvirt/report/echarts/README.md} records
 * the version and the command), and the page's own stylesheet and script.
 */
final class ChartLibrary {
  /** The bundled ECharts version (echarts@6.0.0 on npm). */
  static final String VERSION = "6.0.0";
  private static final String SCRIPT = load("echarts/echarts.min.js");

  private ChartLibrary() {}

  /** Returns the minified ECharts script, preceded by its licence notice, ready to inline. */
  static String script() {
    return "/*! Apache ECharts " + VERSION + " | Apache License 2.0 | Copyright 2017-2025 The Apache Software Foundation;"
        + " bundled with its LICENSE and NOTICE in polyvirt-report */\n" + SCRIPT;
  }

  /** Returns a text resource beside this class. */
  static String resource(String name) {
    return load(name);
  }

  private static String load(String name) {
    try (InputStream in = ChartLibrary.class.getResourceAsStream(name)) {
      if (in == null) throw new IllegalStateException("missing resource " + name + " beside " + ChartLibrary.class.getName());
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
