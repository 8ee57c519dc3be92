package io.eurekaagent.jdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every name and descriptor in HookContract is what the template classes really declare. */
class HookContractTest {

    @Test
    void everyCallIsAPublicStaticMethodOfItsTemplateWithThatDescriptor() throws Exception {
        List<HookContract.Call> calls = constants(HookContract.Call.class);
        assertEquals(7, calls.size());
        for (HookContract.Call call : calls) {
            Class<?> template = template(call.template());
            Method method = only(template, call.name());
            assertTrue(
                    Modifier.isPublic(method.getModifiers()) && Modifier.isStatic(method.getModifiers()), call.name());
            String descriptor = MethodType.methodType(method.getReturnType(), method.getParameterTypes())
                    .toMethodDescriptorString();
            assertEquals(call.descriptor(), descriptor, template.getSimpleName() + "." + call.name());
        }
    }

    @Test
    void everyFieldTheAgentSetsIsAPublicStaticVolatileFieldOfItsTemplate() throws Exception {
        String[][] fields = {
            {HookContract.SOCKET_TEMPLATE, HookContract.ON_BINDING, HookContract.ON_ACCEPTING},
            {HookContract.NAME_TEMPLATE, HookContract.RESOLVER, HookContract.SENT_HANDLER, HookContract.REFUSED_HANDLER,
                HookContract.CONNECTING_HANDLER}};
        for (String[] hook : fields) {
            Class<?> template = template(hook[0]);
            List<String> declared = new ArrayList<>();
            for (Field field : template.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                assertTrue(
                        Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && Modifier.isVolatile(modifiers),
                        field.toString());
                declared.add(field.getName());
            }
            assertEquals(List.of(hook).subList(1, hook.length), declared, template.getSimpleName());
        }
    }

    private static Class<?> template(String internalName) throws ClassNotFoundException {
        return Class.forName(internalName.replace('/', '.'));
    }

    private static Method only(Class<?> type, String name) {
        Method found = null;
        for (Method method : type.getDeclaredMethods()) {
            if (method.getName().equals(name)) {
                assertEquals(null, found, "overloaded: " + name);
                found = method;
            }
        }
        assertTrue(found != null, type.getSimpleName() + " has no method " + name);
        return found;
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> constants(Class<T> type) throws IllegalAccessException {
        List<T> constants = new ArrayList<>();
        for (Field field : HookContract.class.getFields()) {
            if (field.getType() == type) {
                constants.add((T) field.get(null));
            }
        }
        return constants;
    }
}
