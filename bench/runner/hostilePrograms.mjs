/** The heavy part of the hostile corpus, per server language, for the benchmark's /healthz watch. */
export const hostile = {
  'python-numpy': {
    forkBomb: 'import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n',
    memoryBomb: 'hoard = []\nwhile True:\n    hoard.append(bytearray(32 * 1024 * 1024))\n',
    endlessOutput: 'while True:\n    print("spam " * 20)\n',
  },
  java: {
    forkBomb:
      'public class Main {\n    public static void main(String[] a) {\n        while (true) {\n            try {\n                new ProcessBuilder("/bin/sh", "-c", "while :; do :; done").start();\n                new Thread(() -> { while (true) {} }).start();\n            } catch (Throwable e) {}\n        }\n    }\n}\n',
    memoryBomb:
      'import java.util.*;\npublic class Main {\n    public static void main(String[] a) {\n        List<byte[]> h = new ArrayList<>();\n        while (true) h.add(new byte[32 << 20]);\n    }\n}\n',
    endlessOutput:
      'public class Main {\n    public static void main(String[] a) {\n        while (true) System.out.println("spam spam spam spam spam");\n    }\n}\n',
  },
  cpp: {
    forkBomb: '#include <unistd.h>\nint main() {\n    while (true) fork();\n}\n',
    memoryBomb:
      '#include <cstdlib>\n#include <cstring>\n#include <vector>\nint main() {\n    std::vector<char*> h;\n    while (true) {\n        char* p = static_cast<char*>(malloc(32 << 20));\n        if (p) memset(p, 1, 32 << 20);\n        h.push_back(p);\n    }\n}\n',
    endlessOutput: '#include <cstdio>\nint main() {\n    while (true) puts("spam spam spam spam spam");\n}\n',
  },
  go: {
    forkBomb:
      'package main\n\nimport "os/exec"\n\nfunc main() {\n\tfor {\n\t\tgo func() {\n\t\t\tfor {\n\t\t\t}\n\t\t}()\n\t\t_ = exec.Command("/bin/sh", "-c", "while :; do :; done").Start()\n\t}\n}\n',
    memoryBomb:
      'package main\n\nfunc main() {\n\tvar h [][]byte\n\tfor {\n\t\tb := make([]byte, 32<<20)\n\t\tfor i := range b {\n\t\t\tb[i] = 1\n\t\t}\n\t\th = append(h, b)\n\t}\n}\n',
    endlessOutput:
      'package main\n\nimport "fmt"\n\nfunc main() {\n\tfor {\n\t\tfmt.Println("spam spam spam spam spam")\n\t}\n}\n',
  },
};
