package dev.blipsdk.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class EnvelopeIdsTest {
  @Test
  void idsAreVersion4UuidStringsWithTheIetfVariant() {
    for (int i = 0; i < 10_000; i++) {
      String id = EnvelopeIds.random();
      assertTrue(id.matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}"), id);
      UUID parsed = UUID.fromString(id);
      assertEquals(4, parsed.version(), id);
      assertEquals(2, parsed.variant(), id);
      assertEquals(id, parsed.toString());
    }
  }

  @Test
  void idsAreUniqueAcrossThreads() {
    Set<String> ids = ConcurrentHashMap.newKeySet();
    IntStream.range(0, 200_000).parallel().forEach(i -> ids.add(EnvelopeIds.random()));
    assertEquals(200_000, ids.size());
  }

  @Test
  void everyRandomBitVaries() {
    // 122 random bits: each must take both values over a few hundred ids (a stuck bit would halve uniqueness).
    long msbOr = 0;
    long msbAnd = -1;
    long lsbOr = 0;
    long lsbAnd = -1;
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 500; i++) {
      UUID u = UUID.fromString(EnvelopeIds.random());
      seen.add(u.toString());
      msbOr |= u.getMostSignificantBits();
      msbAnd &= u.getMostSignificantBits();
      lsbOr |= u.getLeastSignificantBits();
      lsbAnd &= u.getLeastSignificantBits();
    }
    assertEquals(500, seen.size());
    long randomMsb = ~0xF000L;
    long randomLsb = 0x3FFF_FFFF_FFFF_FFFFL;
    assertEquals(randomMsb, msbOr & randomMsb, "a random bit of the high half was always 0");
    assertEquals(0L, msbAnd & randomMsb, "a random bit of the high half was always 1");
    assertEquals(randomLsb, lsbOr & randomLsb, "a random bit of the low half was always 0");
    assertEquals(0L, lsbAnd & randomLsb, "a random bit of the low half was always 1");
    assertEquals(0x4000L, msbOr & 0xF000L);
    assertEquals(0x4000L, msbAnd & 0xF000L);
    assertEquals(0x8000_0000_0000_0000L, lsbOr & ~randomLsb);
    assertEquals(0x8000_0000_0000_0000L, lsbAnd & ~randomLsb);
  }
}
