package dev.blipsdk.core;
/** tmp */
public final class Tmp { private Tmp() {} }
