package io.eurekaagent.jdk;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two edits of class files the agent makes while the app starts, by hand rather than with ASM: a JDK socket
 * class that loads waits for its rewriting, and loading and running ASM cold cost the app's first bind 40-90 ms
 * (docs/benchmarks.md). Both edits leave every instruction where it was relative to the others:
 * <ul>
 * <li>{@link #rename}: a class's own name changed in its constant pool (a hook template defined inside java.base);
 * <li>{@link #callOnEntry}: a static call inserted as the first instructions of named instance methods, padded to a
 * multiple of 4 bytes so that switch alignment holds; code offsets in the exception table, the line and local variable
 * tables and the stack map frames move by the same amount. A method whose code carries any other attribute is left
 * alone, and the class with it (an {@link IllegalArgumentException}).
 * </ul>
 * Layout per the JVM specification, chapter 4 ("The class File Format").
 */
public final class ClassPatch {
    private static final int UTF8 = 1;
    private static final int CLASS = 7;
    private static final int METHODREF = 10;
    private static final int NAME_AND_TYPE = 12;
    private static final int ACC_STATIC = 0x0008;
    private static final int ACC_NATIVE = 0x0100;
    private static final int ACC_ABSTRACT = 0x0400;

    /** A static {@code hook} call to add on entry to instance methods named {@code method}. */
    public static final class EntryCall {
        final String method;
        final String descriptorPrefix;
        final HookContract.Call hook;

        /**
         * @param descriptorPrefix what the method's descriptor starts with; {@code "("} for any
         * @param hook receives {@code this}, and the first argument too when its descriptor takes an int
         */
        public EntryCall(String method, String descriptorPrefix, HookContract.Call hook) {
            this.method = method;
            this.descriptorPrefix = descriptorPrefix;
            this.hook = hook;
        }

        boolean passesInt() {
            return hook.descriptor().startsWith("(Ljava/lang/Object;I)");
        }
    }

    private final byte[] in;
    private final int constantCount;
    private final int[] constantAt;
    private final int constantsEnd;

    private ClassPatch(byte[] classFile) {
        if (classFile.length < 10 || u4(classFile, 0) != 0xCAFEBABE) {
            throw new IllegalArgumentException("not a class file");
        }
        in = classFile;
        constantCount = u2(8);
        constantAt = new int[constantCount];
        int at = 10;
        for (int i = 1; i < constantCount; i++) {
            constantAt[i] = at;
            int tag = in[at] & 0xFF;
            at += constantSize(tag, at);
            if (tag == 5 || tag == 6) {
                i++;
            }
        }
        constantsEnd = at;
    }

    private int constantSize(int tag, int at) {
        switch (tag) {
            case UTF8:
                return 3 + u2(at + 1);
            case 3: case 4: case 9: case METHODREF: case 11: case NAME_AND_TYPE: case 17: case 18:
                return 5;
            case 5: case 6:
                return 9;
            case CLASS: case 8: case 16: case 19: case 20:
                return 3;
            case 15:
                return 4;
            default:
                throw new IllegalArgumentException("unknown constant tag " + tag + " at " + at);
        }
    }

    /**
     * The class renamed from {@code from} to {@code to} (internal names): every constant that is the name, or a
     * descriptor naming it, changes; nothing else does.
     */
    public static byte[] rename(byte[] classFile, String from, String to) {
        ClassPatch patch = new ClassPatch(classFile);
        Out out = new Out(classFile.length + 64);
        out.bytes(classFile, 0, 10);
        String asType = "L" + from + ";";
        for (int i = 1; i < patch.constantCount; i++) {
            int at = patch.constantAt[i];
            if (at == 0) {
                continue;
            }
            int tag = classFile[at] & 0xFF;
            String text = tag == UTF8 ? patch.utf8(i) : null;
            if (text != null && (text.equals(from) || text.contains(asType))) {
                String renamed = text.equals(from) ? to : text.replace(asType, "L" + to + ";");
                out.u1(UTF8);
                byte[] bytes = renamed.getBytes(StandardCharsets.US_ASCII);
                out.u2(bytes.length);
                out.bytes(bytes, 0, bytes.length);
            } else {
                out.bytes(classFile, at, patch.constantSize(tag, at));
            }
        }
        out.bytes(classFile, patch.constantsEnd, classFile.length - patch.constantsEnd);
        return out.toByteArray();
    }

    /**
     * The class with each {@code calls} entry's hook called first thing in the matching instance methods, or null when
     * no method matches or the class refers to {@code hookClass} already. The hooks are static methods of
     * {@code hookClass} (an internal name).
     */
    public static byte[] callOnEntry(byte[] classFile, String hookClass, List<EntryCall> calls) {
        return new ClassPatch(classFile).callOnEntry(hookClass, calls);
    }

    private byte[] callOnEntry(String hookClass, List<EntryCall> calls) {
        if (refersTo(hookClass)) {
            // Patched already: retransforming hands over the bytes a load-time transformer left.
            return null;
        }
        int at = constantsEnd + 6;
        at += 2 + 2 * u2(at);
        at = skipMembers(at);
        int methodsAt = at;
        // Which methods change, and the constants their calls need (appended after the existing ones).
        Map<Integer, EntryCall> patched = new LinkedHashMap<>();
        int method = methodsAt + 2;
        for (int i = u2(methodsAt); i > 0; i--) {
            EntryCall call = match(method, calls);
            if (call != null) {
                patched.put(method, call);
            }
            method = skipMember(method);
        }
        if (patched.isEmpty()) {
            return null;
        }
        Out constants = new Out(256);
        Map<HookContract.Call, Integer> refs = new LinkedHashMap<>();
        int hookName = constantCount;
        int classIndex = utf8(constants, hookName, hookClass);
        constants.u1(CLASS);
        constants.u2(hookName);
        int next = classIndex + 1;
        for (EntryCall call : patched.values()) {
            if (!refs.containsKey(call.hook)) {
                int name = next;
                next = utf8(constants, next, call.hook.name());
                int descriptor = next;
                next = utf8(constants, next, call.hook.descriptor());
                constants.u1(NAME_AND_TYPE);
                constants.u2(name);
                constants.u2(descriptor);
                constants.u1(METHODREF);
                constants.u2(classIndex);
                constants.u2(next);
                refs.put(call.hook, next + 1);
                next += 2;
            }
        }
        if (next > 0xFFFF) {
            throw new IllegalArgumentException("constant pool full");
        }
        Out out = new Out(in.length + constants.size() + 64 * patched.size());
        out.bytes(in, 0, 8);
        out.u2(next);
        out.bytes(in, 10, constantsEnd - 10);
        out.bytes(constants.toByteArray(), 0, constants.size());
        out.bytes(in, constantsEnd, methodsAt + 2 - constantsEnd);
        method = methodsAt + 2;
        for (int i = u2(methodsAt); i > 0; i--) {
            int end = skipMember(method);
            EntryCall call = patched.get(method);
            if (call == null) {
                out.bytes(in, method, end - method);
            } else {
                writeMethod(out, method, entryCode(refs.get(call.hook), call.passesInt()));
            }
            method = end;
        }
        out.bytes(in, method, in.length - method);
        return out.toByteArray();
    }

    private boolean refersTo(String name) {
        for (int i = 1; i < constantCount; i++) {
            if (constantAt[i] != 0 && name.equals(utf8(i))) {
                return true;
            }
        }
        return false;
    }

    private EntryCall match(int method, List<EntryCall> calls) {
        if ((u2(method) & (ACC_STATIC | ACC_NATIVE | ACC_ABSTRACT)) != 0) {
            return null;
        }
        String name = utf8(u2(method + 2));
        String descriptor = utf8(u2(method + 4));
        for (EntryCall call : calls) {
            if (call.method.equals(name) && descriptor != null && descriptor.startsWith(call.descriptorPrefix)) {
                return call;
            }
        }
        return null;
    }

    /** {@code aload_0, [iload_1,] invokestatic ref}, then nops up to a multiple of 4 bytes. */
    private static byte[] entryCode(int ref, boolean passInt) {
        byte[] code = new byte[passInt ? 8 : 4];
        int i = 0;
        code[i++] = 0x2A;
        if (passInt) {
            code[i++] = 0x1B;
        }
        code[i++] = (byte) 0xB8;
        code[i++] = (byte) (ref >> 8);
        code[i] = (byte) ref;
        return code;
    }

    private void writeMethod(Out out, int method, byte[] entry) {
        out.bytes(in, method, 6);
        int count = u2(method + 6);
        out.u2(count);
        int attribute = method + 8;
        for (int i = 0; i < count; i++) {
            int length = u4(in, attribute + 2);
            if ("Code".equals(utf8(u2(attribute)))) {
                byte[] code = code(attribute + 6, length, entry);
                out.bytes(in, attribute, 2);
                out.u4(code.length);
                out.bytes(code, 0, code.length);
            } else {
                out.bytes(in, attribute, 6 + length);
            }
            attribute += 6 + length;
        }
    }

    /** A Code attribute's body with {@code entry} in front of its instructions. */
    private byte[] code(int at, int length, byte[] entry) {
        int shift = entry.length;
        Out out = new Out(length + shift + 16);
        out.u2(Math.max(u2(at), 2));
        out.u2(u2(at + 2));
        int codeLength = u4(in, at + 4);
        if (codeLength + shift > 0xFFFF) {
            throw new IllegalArgumentException("method too long to patch");
        }
        out.u4(codeLength + shift);
        out.bytes(entry, 0, shift);
        out.bytes(in, at + 8, codeLength);
        int p = at + 8 + codeLength;
        int handlers = u2(p);
        out.u2(handlers);
        p += 2;
        for (int i = 0; i < handlers; i++, p += 8) {
            out.u2(u2(p) + shift);
            out.u2(u2(p + 2) + shift);
            out.u2(u2(p + 4) + shift);
            out.u2(u2(p + 6));
        }
        int attributes = u2(p);
        out.u2(attributes);
        p += 2;
        for (int i = 0; i < attributes; i++) {
            String name = utf8(u2(p));
            int size = u4(in, p + 2);
            int body = p + 6;
            byte[] moved;
            if ("LineNumberTable".equals(name)) {
                moved = shiftTable(body, 4, shift, false);
            } else if ("LocalVariableTable".equals(name) || "LocalVariableTypeTable".equals(name)) {
                moved = shiftTable(body, 10, shift, true);
            } else if ("StackMapTable".equals(name)) {
                moved = frames(body, shift);
            } else {
                throw new IllegalArgumentException("code attribute " + name + " is not one this patch can move");
            }
            out.bytes(in, p, 2);
            out.u4(moved.length);
            out.bytes(moved, 0, moved.length);
            p = body + size;
        }
        return out.toByteArray();
    }

    /**
     * A table whose entries start with a {@code start_pc}: moved by {@code shift}; with {@code ranges} (local
     * variables) an entry starting at 0 is stretched over the inserted code instead (a parameter is live from 0).
     */
    private byte[] shiftTable(int at, int entrySize, int shift, boolean ranges) {
        int count = u2(at);
        Out out = new Out(2 + count * entrySize);
        out.u2(count);
        for (int i = 0, p = at + 2; i < count; i++, p += entrySize) {
            int start = u2(p);
            if (ranges && start == 0) {
                out.u2(0);
                out.u2(u2(p + 2) + shift);
                out.bytes(in, p + 4, entrySize - 4);
            } else {
                out.u2(start + shift);
                out.bytes(in, p + 2, entrySize - 2);
            }
        }
        return out.toByteArray();
    }

    /**
     * The StackMapTable with its first frame's offset moved by {@code shift} (the others are relative to it) and every
     * {@code Uninitialized(offset)} type, which names a {@code new} instruction's absolute offset, moved too.
     */
    private byte[] frames(int at, int shift) {
        int count = u2(at);
        Out out = new Out(64);
        out.u2(count);
        int p = at + 2;
        for (int i = 0; i < count; i++) {
            int type = in[p++] & 0xFF;
            int delta;
            if (type < 64) {
                delta = type;
            } else if (type < 128) {
                delta = type - 64;
            } else if (type >= 247) {
                delta = u2(p);
                p += 2;
            } else {
                throw new IllegalArgumentException("reserved frame type " + type);
            }
            if (i == 0) {
                delta += shift;
            }
            if (type < 64 || type == 251) {
                frameHeader(out, delta, delta < 64 ? delta : -1, 251);
            } else if (type < 128 || type == 247) {
                frameHeader(out, delta, delta < 64 ? 64 + delta : -1, 247);
                p = types(out, p, 1, shift);
            } else if (type < 255) {
                out.u1(type);
                out.u2(delta);
                p = types(out, p, type > 251 ? type - 251 : 0, shift);
            } else {
                out.u1(type);
                out.u2(delta);
                int locals = u2(p);
                out.u2(locals);
                p = types(out, p + 2, locals, shift);
                int stack = u2(p);
                out.u2(stack);
                p = types(out, p + 2, stack, shift);
            }
        }
        return out.toByteArray();
    }

    /** A frame's type and offset: the short form {@code compact} when there is one, else {@code extended} + u2. */
    private static void frameHeader(Out out, int delta, int compact, int extended) {
        if (compact >= 0) {
            out.u1(compact);
        } else {
            out.u1(extended);
            out.u2(delta);
        }
    }

    private int types(Out out, int p, int count, int shift) {
        for (int i = 0; i < count; i++) {
            int tag = in[p++] & 0xFF;
            out.u1(tag);
            if (tag == 7) {
                out.bytes(in, p, 2);
                p += 2;
            } else if (tag == 8) {
                out.u2(u2(p) + shift);
                p += 2;
            }
        }
        return p;
    }

    private int skipMembers(int at) {
        int count = u2(at);
        at += 2;
        for (int i = 0; i < count; i++) {
            at = skipMember(at);
        }
        return at;
    }

    /** A field or method: access, name, descriptor, attributes. */
    private int skipMember(int at) {
        int attributes = u2(at + 6);
        at += 8;
        for (int i = 0; i < attributes; i++) {
            at += 6 + u4(in, at + 2);
        }
        return at;
    }

    /** A CONSTANT_Utf8 as text when it is plain ASCII (every name the agent looks for is), else null. */
    private String utf8(int index) {
        int at = constantAt[index];
        if (in[at] != UTF8) {
            return null;
        }
        int length = u2(at + 1);
        for (int i = at + 3; i < at + 3 + length; i++) {
            if (in[i] <= 0) {
                return null;
            }
        }
        return new String(in, at + 3, length, StandardCharsets.US_ASCII);
    }

    private static int utf8(Out out, int index, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        out.u1(UTF8);
        out.u2(bytes.length);
        out.bytes(bytes, 0, bytes.length);
        return index + 1;
    }

    private int u2(int at) {
        return ((in[at] & 0xFF) << 8) | (in[at + 1] & 0xFF);
    }

    private static int u4(byte[] bytes, int at) {
        return ((bytes[at] & 0xFF) << 24) | ((bytes[at + 1] & 0xFF) << 16) | ((bytes[at + 2] & 0xFF) << 8)
                | (bytes[at + 3] & 0xFF);
    }

    /** The class file being written. */
    private static final class Out extends ByteArrayOutputStream {
        Out(int capacity) {
            super(capacity);
        }

        void u1(int value) {
            write(value);
        }

        void u2(int value) {
            write(value >> 8);
            write(value);
        }

        void u4(int value) {
            u2(value >> 16);
            u2(value);
        }

        void bytes(byte[] from, int offset, int length) {
            write(from, offset, length);
        }
    }
}
