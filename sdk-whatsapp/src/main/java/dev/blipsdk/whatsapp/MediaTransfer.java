package dev.blipsdk.whatsapp;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.whatsapp.internal.HttpMediaTransfer;

/**
 * The one step of a media upload that Blip does not document: sending the bytes to the upload URL that
 * {@code get /upload-media-uri} returned, and learning the media's URL from the answer (API doc §8.1,
 * <b>UNCONFIRMED</b>: method, headers, authentication and response body were found nowhere). Everything
 * around it (asking for the upload URL, the checks before, refreshing after) is documented; this piece is
 * replaceable so that, once Blip's contract is known or if yours differs, only it changes.
 *
 * <p>{@link #httpPost(BlipClient)}, the default, does what the fake Blip server accepts: {@code POST} the raw
 * bytes with {@code Content-Type: <type>} and no {@code Authorization} (the upload URL is pre-signed), and
 * reads the URL from a JSON object's {@code mediaUri} (or {@code uri}, {@code url}), a bare JSON string,
 * or a {@code Location} header.
 *
 * <p>Implementations must be thread-safe; they must not log the upload URL (it carries a signature) or the
 * bytes.
 */
@FunctionalInterface
public interface MediaTransfer {
  /**
   * Sends the bytes.
   *
   * @param uploadUrl the pre-signed upload URL from {@code get /upload-media-uri}
   * @param file the file (already checked)
   * @return the URL of the uploaded media, to put in a template header
   * @throws dev.blipsdk.core.exception.BlipException if the upload failed
   */
  String upload(String uploadUrl, MediaFile file);

  /**
   * The default: a raw-bytes {@code POST} through the Blip client's own OkHttp client (its pool, proxy and
   * timeouts), without the bot's key.
   *
   * @param client the Blip client
   * @return the transfer
   */
  static MediaTransfer httpPost(BlipClient client) {
    return new HttpMediaTransfer(client);
  }
}
