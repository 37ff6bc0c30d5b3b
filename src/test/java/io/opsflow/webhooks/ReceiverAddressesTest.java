package io.opsflow.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Receivers of events: public addresses only, unless private networks are allowed. */
class ReceiverAddressesTest {

  private final ReceiverAddresses publicOnly = new ReceiverAddresses(false);
  private final ReceiverAddresses privateToo = new ReceiverAddresses(true);

  @ParameterizedTest
  @ValueSource(strings = {"http://localhost:8080/", "http://127.0.0.1/", "http://[::1]/", "http://0.0.0.0/",
      "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/", "http://172.16.0.9/", "http://192.168.1.20/",
      "http://100.64.0.1/", "http://[fd00::1]/", "http://[fe80::1]/", "http://224.0.0.1/"})
  void anAddressOfAPrivateOrLocalNetworkIsRefusedNamingIt(String url) {
    assertThat(publicOnly.refusal(URI.create(url))).get().asString()
        .contains("an address of a private or local network").contains(ReceiverAddresses.ALLOW);
    assertThat(privateToo.refusal(URI.create(url))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://93.184.215.14/hooks", "https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/", "http://8.8.8.8/",
      "http://100.128.0.1/", "http://172.32.0.1/"})
  void aPublicAddressIsAllowed(String url) {
    assertThat(publicOnly.refusal(URI.create(url))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"https://hooks.invalid/x"})
  void aHostThatIsNotKnownYetIsNoReason(String url) {
    assertThat(publicOnly.refusal(URI.create(url))).isEmpty();
  }
}
