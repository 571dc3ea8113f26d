// Lint rules, including the one-way dependency arrows of docs/architecture.md:
// routes → components → state → {data, map, crossfilter} → {analysis, geo}.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

/** Forbid importing the listed folders of src/lib from files under `folder`. */
function arrows(folder, forbidden) {
	return {
		files: [`src/lib/${folder}/**/*.ts`, `src/lib/${folder}/**/*.svelte`],
		rules: {
			'no-restricted-imports': [
				'error',
				{
					patterns: forbidden.map((f) => ({
						group: [`$lib/${f}`, `$lib/${f}/*`, `**/lib/${f}/*`, `../${f}/*`, `../../${f}/*`],
						message: `src/lib/${folder} may not import src/lib/${f} (see docs/architecture.md).`
					}))
				}
			]
		}
	};
}

export default ts.config(
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	{
		languageOptions: { globals: { ...globals.browser, ...globals.node } }
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: true,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		rules: {
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
			],
			'svelte/no-at-html-tags': 'error'
		}
	},
	arrows('geo', ['analysis', 'data', 'crossfilter', 'map', 'state', 'components']),
	arrows('analysis', ['data', 'crossfilter', 'map', 'state', 'components']),
	arrows('data', ['crossfilter', 'map', 'state', 'components']),
	arrows('crossfilter', ['map', 'state', 'components']),
	arrows('map', ['data', 'crossfilter', 'state', 'components']),
	arrows('state', ['components']),
	arrows('components', ['data', 'map', 'crossfilter']),
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'static/',
			'bench-results/',
			'test-results/'
		]
	}
);
