package dev.blipsdk.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class CommandUriTest {

  @Test
  void encodesQueryValuesTheWayBlipDocumentsThem() {
    assertEquals("/contacts?$skip=0&$take=100&$filter=(startswith(name%2C'John'))",
        CommandUri.path("/contacts").query("$skip", 0).query("$take", 100)
            .query("$filter", "(startswith(name,'John'))").build());
    assertEquals("/contacts?$filter=(name%20eq%20'Jo%C3%A3o%20D''Avila')",
        CommandUri.path("/contacts").query("$filter", "(name eq 'João D''Avila')").build());
    assertEquals("/x?q=a%26b%3Dc%3Fd%23e%25f%2Bg", CommandUri.path("/x").query("q", "a&b=c?d#e%f+g").build());
  }

  @Test
  void encodesSegmentsKeepingIdentitiesReadable() {
    assertEquals("/contacts/5531999998888@wa.gw.msging.net",
        CommandUri.path("/contacts").segment("5531999998888@wa.gw.msging.net").build());
    assertEquals("/contexts/a%2Fb@x.y/Master-State",
        CommandUri.path("/contexts").segment("a/b@x.y").segment("Master-State").build());
    assertEquals("/attendants/jonh%2540email.com@blip.ai",
        CommandUri.path("/attendants").encodedSegment("jonh%2540email.com@blip.ai").build());
    assertEquals("lime://wa.gw.msging.net/accounts/+5531988889999",
        CommandUri.path("lime://wa.gw.msging.net/accounts").segment("+5531988889999").build());
  }

  @Test
  void rejectsMisuse() {
    assertThrows(IllegalArgumentException.class, () -> CommandUri.path("/a?b=c"));
    assertThrows(IllegalArgumentException.class, () -> CommandUri.path(""));
    assertThrows(IllegalArgumentException.class, () -> CommandUri.path("/a").segment(""));
  }
}
