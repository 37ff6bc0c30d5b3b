package io.opsflow.notify;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The port of the test SMTP server ({@link TestMailbox}): a free one, chosen once per test JVM,
 * and given to every application the tests start there as {@code spring.mail.port}, so that two
 * builds on one machine never compete for a fixed port.
 */
public final class TestSmtpPort implements EnvironmentPostProcessor {

  static final int PORT = freePort();

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    environment.getPropertySources().addFirst(new MapPropertySource("testSmtpPort", Map.of("spring.mail.port", PORT)));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
