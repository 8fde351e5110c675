package dev.blipsdk.testing;

import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension that starts a {@link FakeBlip} and injects it into test methods (and lifecycle methods and
 * constructors) that declare a {@code FakeBlip} parameter.
 *
 * <pre>{@code
 * @ExtendWith(FakeBlipExtension.class)          // a fresh fake for every test
 * class MyTest {
 *   @Test void sends(FakeBlip blip) { ... }
 * }
 *
 * class MyOtherTest {                            // one fake for the whole class, customised
 *   @RegisterExtension
 *   static final FakeBlipExtension BLIP = FakeBlipExtension.perClass(() -> FakeBlip.builder().bot("b", "k").start());
 *   @Test void works(FakeBlip blip) { ... }
 * }
 * }</pre>
 *
 * <p>Thread-safe for JUnit's use; with parallel execution, per-test mode gives each test its own server.
 */
public final class FakeBlipExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {
  private final boolean perClass;
  private final Supplier<FakeBlip> factory;
  private volatile @Nullable FakeBlip classFake;

  /** Per-test mode with {@link FakeBlip#start()}: the form used by {@code @ExtendWith}. */
  public FakeBlipExtension() {
    this(false, FakeBlip::start);
  }

  private FakeBlipExtension(boolean perClass, Supplier<FakeBlip> factory) {
    this.perClass = perClass;
    this.factory = Objects.requireNonNull(factory);
  }

  /**
   * A fresh fake for every test, built by the factory.
   *
   * @param factory starts a configured fake
   * @return the extension
   */
  public static FakeBlipExtension perTest(Supplier<FakeBlip> factory) {
    return new FakeBlipExtension(false, factory);
  }

  /**
   * One fake for all tests of the class, built by the factory (register it on a static field).
   *
   * @param factory starts a configured fake
   * @return the extension
   */
  public static FakeBlipExtension perClass(Supplier<FakeBlip> factory) {
    return new FakeBlipExtension(true, factory);
  }

  /**
   * One default fake for all tests of the class.
   *
   * @return the extension
   */
  public static FakeBlipExtension perClass() {
    return perClass(FakeBlip::start);
  }

  /** Per extension instance, so two registered extensions (two fakes in one class) do not share a key. */
  private final ExtensionContext.Namespace ns = ExtensionContext.Namespace.create(FakeBlipExtension.class, this);
  private static final String CLASS_KEY = "per-class fake";

  @Override
  public void beforeAll(ExtensionContext context) {
    // a @Nested class inherits the extension: it shares the enclosing class's fake instead of starting another
    if (perClass && context.getStore(ns).get(CLASS_KEY, FakeBlip.class) == null) {
      FakeBlip f = factory.get();
      context.getStore(ns).put(CLASS_KEY, f);
      classFake = f;
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (perClass) {
      // only the context that started the fake holds it in its own store (remove does not look at ancestors)
      FakeBlip f = context.getStore(ns).remove(CLASS_KEY, FakeBlip.class);
      if (f != null) {
        classFake = null;
        f.close();
      }
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    if (!perClass) {
      context.getStore(ns).put(FakeBlip.class, factory.get());
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (!perClass) {
      FakeBlip f = context.getStore(ns).remove(FakeBlip.class, FakeBlip.class);
      if (f != null) {
        f.close();
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    return parameterContext.getParameter().getType() == FakeBlip.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
    FakeBlip f = fake(extensionContext);
    if (f == null) {
      throw new org.junit.jupiter.api.extension.ParameterResolutionException(
          "No FakeBlip here: in per-test mode it exists only for test methods and @BeforeEach/@AfterEach");
    }
    return f;
  }

  private @Nullable FakeBlip fake(ExtensionContext context) {
    return context.getStore(ns).get(perClass ? CLASS_KEY : FakeBlip.class, FakeBlip.class);
  }

  /**
   * The fake of a per-class extension (null outside the class's lifetime).
   *
   * @return the fake or null
   */
  public @Nullable FakeBlip fake() {
    return classFake;
  }
}
