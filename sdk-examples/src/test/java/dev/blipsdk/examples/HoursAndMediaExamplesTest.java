package dev.blipsdk.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.blipsdk.desk.Escalation;
import dev.blipsdk.desk.OpeningInterval;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

class HoursAndMediaExamplesTest extends OnTheDemoFake {

  @Test
  void businessHoursReadsTheDemoRuleAndDecidesByTheClock() {
    BusinessHoursExample.Outcome outcome = BusinessHoursExample.run(env);
    assertEquals(ZoneId.of("America/Sao_Paulo"), outcome.hours().zone(), "mapped from E. South America Standard Time");
    assertEquals(List.of(OpeningInterval.parse("08:00-18:00")), outcome.hours().intervals(DayOfWeek.MONDAY));
    assertEquals(List.of(OpeningInterval.parse("09:00-13:00")), outcome.hours().intervals(DayOfWeek.SATURDAY));
    // the demo fake runs on the wall clock: whichever it is now, the decision and the offer agree with the hours
    if (outcome.open()) {
      assertInstanceOf(Escalation.TransferNow.class, outcome.decision());
      assertTrue(outcome.offer().isEmpty());
    } else {
      Escalation.ClosedUntil closed = assertInstanceOf(Escalation.ClosedUntil.class, outcome.decision());
      assertTrue(outcome.hours().isOpen(closed.nextOpening()));
      String sent = bot.sentMessages(ExampleEnvironment.DEMO_IDENTITY).get(0).json();
      assertTrue(sent.contains("atendimento_esta_disponivel"), sent);
    }
  }

  @Test
  void mediaUploadSendsTheUploadedImageInTheHeader() throws Exception {
    MediaUploadExample.Outcome outcome = MediaUploadExample.run(env);
    assertEquals(1, bot.uploadedMedia().size());
    assertEquals("image/png", bot.uploadedMedia().get(0).get("contentType"));
    assertEquals(outcome.media().url(), outcome.url(), "fresh: not refreshed");
    try (Response r = new OkHttpClient().newCall(new Request.Builder().url(outcome.url()).build()).execute()) {
      assertArrayEquals(MediaUploadExample.DEMO_PNG, r.body().bytes());
    }
    String sent = bot.sentMessages(ExampleEnvironment.DEMO_IDENTITY).get(0).json();
    assertTrue(sent.contains("Media_"), sent);
    assertTrue(sent.contains("#4411"), sent);
  }
}
