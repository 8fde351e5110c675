package dev.blipsdk.testing;
/** stub. */
public final class FakeBlipMain {
  private FakeBlipMain() {}
  /** stub. @param args args */
  public static void main(String[] args) { System.out.println("HELLO " + String.join(",", args)); }
}
