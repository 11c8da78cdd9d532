// Runs where a Docker daemon answers and has (or can pull) the test image, and always in CI
// (where .ci/run starts a daemon and builds the image): there a missing daemon or image must fail
// the build, not skip the test. Elsewhere the reason for skipping is printed.
if (System.getenv('CI') == 'true') {
    return true
}
def image = System.getenv('MIGRATION_PROFILER_TEST_IMAGE') ?: 'postgres:17'
def run = { List<String> command, long millis ->
    try {
        def process = command.execute()
        process.consumeProcessOutput(new StringBuilder(), new StringBuilder())
        process.waitForOrKill(millis)
        return process.exitValue() == 0
    } catch (Exception ignored) {
        return false
    }
}
if (!run(['docker', 'info'], 10000)) {
    println 'docker-engine skipped: no Docker daemon answers (docker info failed)'
    return false
}
if (!run(['docker', 'image', 'inspect', image], 10000) && !run(['docker', 'pull', image], 180000)) {
    println "docker-engine skipped: image $image is neither present nor pullable (set MIGRATION_PROFILER_TEST_IMAGE to a local image)"
    return false
}
return true
