# Sourced by scripts that evaluate or measure the OpenSearch backend: start_node starts a
# throwaway single OpenSearch node on free loopback ports from the distribution the build unpacks
# under helpdesk-opensearch/target (as the user frontline-search, or FRONTLINE_OPENSEARCH_USER, when
# run as root: OpenSearch refuses root), sets FRONTLINE_OPENSEARCH_URL, and removes the node when
# the script exits. Needs ROOT (the repository) and a name for messages in SCRIPT.

NODE_PID=
NODE_WORK=
stop_node() {
  if [ -n "$NODE_PID" ]; then
    kill "$NODE_PID" 2>/dev/null || true
    for _ in $(seq 1 60); do
      kill -0 "$NODE_PID" 2>/dev/null || break
      sleep 0.5
    done
    kill -9 "$NODE_PID" 2>/dev/null || true
  fi
  if [ -n "$NODE_WORK" ]; then
    rm -rf "$NODE_WORK"
  fi
}

# Starts a single OpenSearch node on free loopback ports and sets FRONTLINE_OPENSEARCH_URL.
start_node() {
  local home version port tport user java_home
  home=$(ls -d "$ROOT"/helpdesk-opensearch/target/opensearch/opensearch-*/ 2>/dev/null | head -1)
  home=${home%/}
  if [ -z "$home" ] || [ ! -x "$home/bin/opensearch" ] || [ ! -d "$home/modules/analysis-common" ]; then
    echo "$SCRIPT: no OpenSearch distribution under helpdesk-opensearch/target" >&2
    exit 1
  fi
  version=${home##*/opensearch-}
  # the Maven artifact of the analysis-common module is the bare jar: add its descriptor
  printf '%s\n' 'description=Adds "built in" analyzers to OpenSearch.' "version=$version" 'name=analysis-common' \
    'classname=org.opensearch.analysis.common.CommonAnalysisPlugin' 'java.version=11' \
    "opensearch.version=$version" 'has.native.controller=false' \
    >"$home/modules/analysis-common/plugin-descriptor.properties"
  read -r port tport < <(python3 -c 'import socket
s = [socket.socket() for _ in range(2)]
for x in s: x.bind(("127.0.0.1", 0))
print(*[x.getsockname()[1] for x in s])')
  NODE_WORK=$(mktemp -d "${TMPDIR:-/tmp}/$SCRIPT-opensearch.XXXXXX")
  trap stop_node EXIT
  cp -r "$home/config" "$NODE_WORK/config"
  mkdir -p "$NODE_WORK/data" "$NODE_WORK/logs"
  sed -i -e "s#logs/#$NODE_WORK/logs/#g" -e "s#HeapDumpPath=data#HeapDumpPath=$NODE_WORK/data#" "$NODE_WORK/config/jvm.options"
  printf '%s\n' "cluster.name: $SCRIPT" 'discovery.type: single-node' 'network.host: 127.0.0.1' \
    "http.port: $port" "transport.port: $tport" "path.data: $NODE_WORK/data" "path.logs: $NODE_WORK/logs" \
    'cluster.routing.allocation.disk.threshold_enabled: false' >"$NODE_WORK/config/opensearch.yml"
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    # OpenSearch refuses to run as root
    user=${FRONTLINE_OPENSEARCH_USER:-frontline-search}
    if ! id "$user" >/dev/null 2>&1; then
      echo "$SCRIPT: running as root and there is no user $user to run OpenSearch as (create one: useradd -r -m $user)" >&2
      exit 1
    fi
    chmod 755 "$NODE_WORK"
    chown -R "$user:$user" "$NODE_WORK"
    run=(setpriv "--reuid=$user" "--regid=$user" --init-groups)
  fi
  java_home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  env -u JAVA_TOOL_OPTIONS -u _JAVA_OPTIONS OPENSEARCH_JAVA_HOME="$java_home" OPENSEARCH_PATH_CONF="$NODE_WORK/config" \
    OPENSEARCH_JAVA_OPTS="-Xms512m -Xmx512m -XX:ActiveProcessorCount=2" HOME="$NODE_WORK" \
    "${run[@]}" "$home/bin/opensearch" >"$NODE_WORK/logs/console.log" 2>&1 &
  NODE_PID=$!
  FRONTLINE_OPENSEARCH_URL="http://127.0.0.1:$port"
  for _ in $(seq 1 240); do
    if curl -fsS "$FRONTLINE_OPENSEARCH_URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
      return 0
    fi
    kill -0 "$NODE_PID" 2>/dev/null || break
    sleep 0.5
  done
  echo "$SCRIPT: the OpenSearch node did not start; its log follows" >&2
  tail -40 "$NODE_WORK/logs/console.log" >&2
  exit 1
}

