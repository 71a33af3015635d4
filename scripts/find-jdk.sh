# Sourced by ./qexec and .ci/run: exports JAVA_HOME pointing at a JDK >= 21.
# Looks at JAVA_HOME, then the java on PATH, then the usual install locations.
# Prints a clear message and returns 1 when no suitable JDK exists.

qexec_required_java=21

qexec_java_major() { # $1: a java executable; prints its major version
  local line version
  line=$("$1" -version 2>&1 | grep -m1 -E 'version "[^"]+"') || return 1
  version=${line#*version \"}
  version=${version%%\"*}
  case $version in
    1.*) version=${version#1.}; echo "${version%%.*}" ;;
    *) version=${version%%[.+-]*}; echo "$version" ;;
  esac
}

qexec_usable_jdk() { # $1: a candidate JAVA_HOME
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  local major
  major=$(qexec_java_major "$1/bin/java") || return 1
  [ -n "$major" ] && [ "$major" -ge "$qexec_required_java" ] 2>/dev/null
}

qexec_find_jdk() {
  local candidate java_on_path
  if [ -n "${JAVA_HOME:-}" ] && qexec_usable_jdk "$JAVA_HOME"; then
    export JAVA_HOME; return 0
  fi
  if java_on_path=$(command -v java 2>/dev/null); then
    candidate=$(dirname "$(dirname "$(readlink -f "$java_on_path")")")
    if qexec_usable_jdk "$candidate"; then export JAVA_HOME=$candidate; return 0; fi
  fi
  # The usual install locations (QEXEC_JDK_DIRS replaces them), newest version first.
  local places=${QEXEC_JDK_DIRS:-"/usr/lib/jvm/* /usr/java/* /usr/local/*jdk* /opt/*jdk* /opt/java/* $HOME/.sdkman/candidates/java/* $HOME/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home"}
  # shellcheck disable=SC2086 # the globs are meant to expand
  for candidate in $(ls -d $places 2>/dev/null | sort -V -r); do
    if qexec_usable_jdk "$candidate"; then export JAVA_HOME=$candidate; return 0; fi
  done
  {
    echo "error: Quantum Executor needs a JDK $qexec_required_java or newer, and none was found."
    echo "  Looked at JAVA_HOME (${JAVA_HOME:-unset}), the java on PATH and /usr/lib/jvm/*, /opt, ~/.sdkman, ~/.jdks."
    echo "  Install one (for example: apt-get install openjdk-21-jdk) or set JAVA_HOME to it."
  } >&2
  return 1
}
