package dev.blipsdk.whatsapp;

import dev.blipsdk.core.BlipClient;
import dev.blipsdk.core.CommandUri;
import dev.blipsdk.core.envelope.Command;
import dev.blipsdk.core.envelope.JsonDocument;
import dev.blipsdk.whatsapp.internal.WhatsAppOperations;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The bot's WhatsApp message templates ({@code get /message-templates} on
 * {@code postmaster@wa.gw.msging.net}). Reads every list shape Blip is known to answer with
 * ({@code data}, {@code documents} or {@code items}) and compares statuses without regard to case.
 *
 * <pre>{@code
 * TemplateCatalog catalog = whatsApp.templates();
 * List<Template> approved = catalog.list(TemplateQuery.all().status("APPROVED"));
 * Template shipped = catalog.find("order_shipped", "pt_BR").orElseThrow();
 * shipped.header().format();        // IMAGE
 * shipped.bodyPlaceholders();       // [1, 2]
 * }</pre>
 *
 * <p>Thread-safe; holds no state of its own (no caching: templates change when Meta reviews them).
 */
public final class TemplateCatalog {
  static final String WA_POSTMASTER = "postmaster@wa.gw.msging.net";

  private final BlipClient blip;

  TemplateCatalog(BlipClient blip) {
    this.blip = blip;
  }

  /**
   * Lists every template, up to {@value TemplateQuery#DEFAULT_TAKE}.
   *
   * @return the templates
   * @throws dev.blipsdk.core.exception.BlipException on any failure
   */
  public List<Template> list() {
    return list(TemplateQuery.all());
  }

  /**
   * Lists the templates a query selects.
   *
   * @param query the query
   * @return the templates
   * @throws dev.blipsdk.core.exception.BlipException on any failure
   */
  public List<Template> list(TemplateQuery query) {
    return parse(blip.execute(command(query), WhatsAppOperations.TEMPLATES_LIST_OPTIONS), query);
  }

  /**
   * Lists without blocking.
   *
   * @param query the query
   * @return the future templates
   */
  public CompletableFuture<List<Template>> listAsync(TemplateQuery query) {
    Command c;
    try {
      c = command(query);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return blip.executeAsync(c, WhatsAppOperations.TEMPLATES_LIST_OPTIONS).thenApply(r -> parse(r, query));
  }

  /**
   * Finds a template by name and language, whatever its status.
   *
   * @param name the template name
   * @param language the language code
   * @return the template, or empty when there is none
   * @throws dev.blipsdk.core.exception.BlipException on any failure
   */
  public Optional<Template> find(String name, String language) {
    return first(list(TemplateQuery.all().name(name).language(language)));
  }

  /**
   * Finds without blocking.
   *
   * @param name the template name
   * @param language the language code
   * @return the future template, or empty
   */
  public CompletableFuture<Optional<Template>> findAsync(String name, String language) {
    return listAsync(TemplateQuery.all().name(name).language(language)).thenApply(TemplateCatalog::first);
  }

  private static Optional<Template> first(List<Template> list) {
    return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
  }

  private static Command command(TemplateQuery query) {
    Objects.requireNonNull(query, "query");
    CommandUri uri = CommandUri.path("/message-templates");
    if (query.name() != null) {
      uri = uri.query("templateName", query.name());
    }
    if (query.status() != null) {
      uri = uri.query("status", query.status());
    }
    uri = uri.query("$take", query.take());
    return Command.get(uri.build()).to(WA_POSTMASTER).build();
  }

  static List<Template> parse(Command response, TemplateQuery query) {
    JsonDocument resource = response.resource();
    if (resource == null) {
      return List.of();
    }
    List<Template> out = new ArrayList<>();
    for (JsonDocument item : resource.asCollection().items()) {
      Template t = Template.fromJson(item);
      if (query.name() != null && !t.name().equals(query.name())) {
        continue;
      }
      if (query.status() != null && !t.status().equalsIgnoreCase(query.status())) {
        continue;
      }
      if (query.language() != null && !t.language().equalsIgnoreCase(query.language())) {
        continue;
      }
      out.add(t);
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "TemplateCatalog{" + blip.baseUrl() + "}";
  }
}
