package dev.blipsdk.core.internal;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.observation.OperationListener;
import java.util.Objects;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;

/**
 * Lets the SDK's own modules reach parts of a {@link BlipClient} that are not public API (its
 * {@link OkHttpClient}, for companion requests such as a media {@code HEAD} check), keeping OkHttp out of
 * the public API but for the builder hook.
 */
public final class ClientAccess {
  /** Implemented by {@link BlipClient}. */
  public interface Accessor {
    /**
     * The client's OkHttp client.
     *
     * @param client the client
     * @return its OkHttp client; never shut it down
     */
    OkHttpClient httpClient(BlipClient client);

    /**
     * The client's operation listener.
     *
     * @param client the client
     * @return its listener, or {@code null}
     */
    @Nullable OperationListener operationListener(BlipClient client);
  }

  private static volatile Accessor accessor;

  private ClientAccess() {}

  /**
   * Registers the accessor; called once by {@link BlipClient}'s static initialiser.
   *
   * @param a the accessor
   */
  public static void register(Accessor a) {
    accessor = Objects.requireNonNull(a);
  }

  /**
   * The OkHttp client a {@link BlipClient} calls Blip with (shared pool, proxy, timeouts). Do not shut it down.
   *
   * @param client the client
   * @return its OkHttp client
   */
  public static OkHttpClient httpClient(BlipClient client) {
    Objects.requireNonNull(client, "client");
    return accessor.httpClient(client); // the instance exists, so BlipClient's initialiser has run
  }

  /**
   * The operation listener a {@link BlipClient} reports to, for feature modules that report waits of their own
   * (a bulk run's pacing).
   *
   * @param client the client
   * @return its listener, or {@code null} when it has none
   */
  public static @Nullable OperationListener operationListener(BlipClient client) {
    Objects.requireNonNull(client, "client");
    return accessor.operationListener(client);
  }
}
