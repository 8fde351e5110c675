package dev.blipsdk.testing.internal;

import dev.blipsdk.testing.RateLimits;
import dev.blipsdk.testing.TemplateListShape;
import java.time.Duration;

/** Server-wide settings, fixed when the server starts. Where the API doc says UNCONFIRMED, these hold the choice. */
public record ServerConfig(
    TemplateListShape templateListShape,
    boolean templateStatusUpperCase,
    int notOnWhatsAppCode,
    String notOnWhatsAppDescription,
    boolean duplicateNotifications,
    Duration activeMessageWindow,
    boolean contextNamesCaseSensitive,
    boolean enforceCustomerServiceWindow,
    Duration notificationRetention,
    String defaultQueue,
    RateLimits rateLimits) {}
