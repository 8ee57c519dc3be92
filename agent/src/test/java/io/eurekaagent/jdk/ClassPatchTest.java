package io.eurekaagent.jdk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.eurekaagent.bootstrap.ServerSocketHook;
import io.eurekaagent.testing.TestClasses;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The hand-made class file edits, checked by the JVM itself: each patched class is loaded in a loader of its own, so
 * the verifier checks its stack map frames, exception table and constants, then its methods run.
 */
class ClassPatchTest {
    private static final String TEMPLATE = HookContract.SOCKET_TEMPLATE;
    private static final List<ClassPatch.EntryCall> ACCEPT_AND_INTEREST = List.of(
            new ClassPatch.EntryCall("accept", "(", HookContract.ACCEPTING),
            new ClassPatch.EntryCall("interestOps", "(I)", HookContract.INTEREST));

    private final List<Object> reported = new ArrayList<>();

    /** Code whose offsets the patch must move: loops back to offset 0, switches, handlers, {@code new} in frames. */
    public static class Tricky {
        public int counter;

        public int accept(int n) {
            do {
                n--;
                counter++;
            } while (n > 0);
            return counter;
        }

        public String accept(String key) {
            switch (key) {
                case "a": return "first";
                case "b": return "second";
                default: return "other";
            }
        }

        public int accept(long value) {
            switch ((int) value) {
                case 1: return 10;
                case 2: return 20;
                case 3: return 30;
                case 4: return 40;
                default: return -1;
            }
        }

        public String accept(Object value) {
            try {
                return value.toString();
            } catch (NullPointerException e) {
                return "null";
            } finally {
                counter++;
            }
        }

        public StringBuilder accept(boolean upper) {
            return new StringBuilder(upper ? "UP" : "down");
        }

        /** Straight code up to the first frame: its offset crosses the 63 a compact frame can hold once moved. */
        public int accept(short a) {
            int b = a + 1; int c = b + 1; int d = c + 1; int e = d + 1; int f = e + 1; int g = f + 1;
            int h = g + 1; int i = h + 1; int j = i + 1; int k = j + 1; int l = k + 1;
            return l > 20 ? l : -l;
        }

        public int accept(byte a) {
            int b = a + 1; int c = b + 1; int d = c + 1; int e = d + 1; int f = e + 1; int g = f + 1;
            int h = g + 1; int i = h + 1; int j = i + 1; int k = j + 1; int l = k + 1; int m = l + 1;
            return m > 20 ? m : -m;
        }

        public int accept(char a) {
            int b = a + 1; int c = b + 1; int d = c + 1; int e = d + 1; int f = e + 1; int g = f + 1;
            int h = g + 1; int i = h + 1; int j = i + 1; int k = j + 1; int l = k + 1; int m = l + 1;
            int n = m + 1;
            Object o = n > 20 ? "big" : Integer.valueOf(n);
            return o.hashCode() + n;
        }

        /** Its one frame is a compact "same" frame at offset 60: moved by 4, it needs the extended form. */
        public int accept(float ignored) {
            counter = counter + 1;
            counter = counter + 1;
            counter = counter + 1;
            counter = counter + 1;
            counter = counter + 1;
            if (counter > 5) {
                return 1;
            }
            return 2;
        }

        public int interestOps(int ops) {
            for (int i = 0; i < 3; i++) {
                ops += i;
            }
            return ops;
        }

        public static int accept(double ignored) {
            return 1;
        }
    }

    @AfterEach
    void detach() {
        ServerSocketHook.onAccepting = null;
    }

    @Test
    void entryCallsAreAddedToEveryMatchingInstanceMethodAndTheClassStillVerifiesAndRuns() throws Exception {
        ServerSocketHook.onAccepting = reported::add;
        Class<?> patched = TestClasses.load(Tricky.class,
                ClassPatch.callOnEntry(TestClasses.bytesOf(Tricky.class), TEMPLATE, ACCEPT_AND_INTEREST));
        Object tricky = patched.getConstructor().newInstance();

        Object[][] calls = {{int.class, 3}, {String.class, "b"}, {long.class, 3L}, {Object.class, null},
            {short.class, (short) 10}, {byte.class, (byte) 1}, {char.class, (char) 10}, {char.class, (char) 1},
            {int.class, 5}, {float.class, 1f}};
        Tricky original = new Tricky();
        for (Object[] argument : calls) {
            Class<?> type = (Class<?>) argument[0];
            assertEquals(call(Tricky.class, original, type, argument[1]), call(patched, tricky, type, argument[1]),
                    type + " " + argument[1]);
        }
        assertEquals("UP", call(patched, tricky, boolean.class, true).toString());
        assertEquals(1, patched.getMethod("accept", double.class).invoke(null, 0.5));
        assertEquals(java.util.Collections.nCopies(calls.length + 1, tricky), reported,
                "each accept(...) but the static one");
    }

    @Test
    void anIntTakingHookGetsTheFirstArgumentToo() throws Exception {
        List<Integer> interests = new ArrayList<>();
        Consumer<Object> listener = channel -> interests.add(0);
        ServerSocketHook.onAccepting = listener;
        Class<?> patched = TestClasses.load(Tricky.class,
                ClassPatch.callOnEntry(TestClasses.bytesOf(Tricky.class), TEMPLATE, ACCEPT_AND_INTEREST));
        Object tricky = patched.getConstructor().newInstance();

        // interest() casts its first argument to a SelectionKey: a Tricky is not one, so the hook swallows that and
        // the method runs on with its own argument untouched.
        assertEquals(7, patched.getMethod("interestOps", int.class).invoke(tricky, 4));
        assertEquals(List.of(), interests);
    }

    @Test
    void aClassWithNoMatchingMethodIsLeftAlone() throws Exception {
        assertNull(ClassPatch.callOnEntry(TestClasses.bytesOf(Tricky.class), TEMPLATE,
                List.of(new ClassPatch.EntryCall("bind", "(", HookContract.BINDING))));
    }

    @Test
    void aClassPatchedAlreadyIsNotPatchedTwice() throws Exception {
        byte[] once = ClassPatch.callOnEntry(TestClasses.bytesOf(Tricky.class), TEMPLATE, ACCEPT_AND_INTEREST);
        assertNull(ClassPatch.callOnEntry(once, TEMPLATE, ACCEPT_AND_INTEREST));
    }

    @Test
    void renamingMovesAClassAndItsReferencesToItselfAndNothingElse() throws Exception {
        byte[] template = TestClasses.bytesOf(ServerSocketHook.class);
        byte[] renamed = ClassPatch.rename(template, TEMPLATE, "io/eurekaagent/jdk/RenamedHook");
        Class<?> hook = new ClassLoader(null) {
            Class<?> define() {
                return defineClass("io.eurekaagent.jdk.RenamedHook", renamed, 0, renamed.length);
            }
        }.define();
        hook.getField("onAccepting").set(null, (Consumer<Object>) reported::add);

        hook.getMethod("accepting", Object.class).invoke(null, "socket");

        assertEquals(List.of("socket"), reported);
        assertArrayEquals(template, ClassPatch.rename(template, "no/such/Name", "other/Name"));
    }

    @Test
    void whatIsNotAClassFileIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClassPatch.rename(new byte[12], "a", "b"));
    }

    private static Object call(Class<?> type, Object target, Class<?> parameter, Object argument) throws Exception {
        Method method = type.getMethod("accept", parameter);
        try {
            return method.invoke(target, argument);
        } catch (InvocationTargetException e) {
            throw (Exception) e.getCause();
        }
    }
}
