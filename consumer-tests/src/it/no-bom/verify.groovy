def log = new File(basedir, 'build.log').text
assert log.contains('Dependency convergence error') : 'the build without the BOM failed, but not on convergence'
assert log.contains('jackson') || log.contains('slf4j') : 'convergence failed on something other than Jackson/slf4j'
true
