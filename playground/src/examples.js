// The example document of each language the picker offers.
const gtm = {
  exportFormatVersion: 2,
  exportTime: '2026-11-30 09:00:00',
  containerVersion: {
    container: { name: 'www.acme-cars.example', publicId: 'GTM-ABC1234' },
    tag: [
      {
        name: 'web1on1 - used car page',
        type: 'html',
        parameter: [
          {
            type: 'TEMPLATE',
            key: 'html',
            value: "<script>\n  web1on1.api.sendClientMessage('>CS /set @category Used Car');\n</script>",
          },
        ],
        firingTriggerId: ['12'],
      },
    ],
    variable: [
      {
        name: 'cs - assign sales',
        type: 'c',
        parameter: [{ type: 'TEMPLATE', key: 'value', value: '>cs /assign 62c6077ca980127f404b0301' }],
      },
    ],
  },
};

export const languages = [
  {
    id: 'cscmd',
    name: 'cscmd (.cscmd)',
    example: `# what the widget runs when a visitor opens the chat
>cs /set @category Used Car
>cs .brand Toyota
>cs /assign 62C6077CA980127F404B0301
>cs /notify 605411853c68d83fd1ac7655
>CS /set isLead yes
>cs /sett isLead yes
`,
  },
  {
    id: 'html',
    name: 'HTML',
    example: `<button onclick="web1on1.api.sendClientMessage('&gt;cs /set @category Used Car')">Used cars</button>
<script>
  web1on1.api.sendClientMessage('>CS /notify 605411853c68d83fd1ac7655');
</script>
`,
  },
  {
    id: 'javascript',
    name: 'JavaScript',
    example: `web1on1.api.sendClientMessage('>cs /set @category ' + category);
web1on1.api.sendClientMessage(\`>cs /assign \${agentId}\`);
web1on1.api.sendClientMessage('>cs /notify 605411853C68D83FD1AC7655');
`,
  },
  {
    id: 'typescript',
    name: 'TypeScript',
    example: `const open = (id: string): void => web1on1.api.sendClientMessage(\`>cs /assign \${id}\`);
web1on1.api.sendClientMessage('> cs /notify');
`,
  },
  {
    id: 'javascriptreact',
    name: 'JSX',
    example: `export const Button = () => (
  <button onClick={() => web1on1.api.sendClientMessage('>cs /set @category New Car')}>New cars</button>
);
web1on1.api.sendClientMessage(">Cs /notify");
`,
  },
  {
    id: 'typescriptreact',
    name: 'TSX',
    example: `export const Ask = (): JSX.Element => <a onClick={() => web1on1.api.sendClientMessage('>cs /notify')}>Ask</a>;
`,
  },
  {
    id: 'vue',
    name: 'Vue',
    example: `<template>
  <button @click="web1on1.api.sendClientMessage('>CS /set @category Used Car')">Used cars</button>
</template>
`,
  },
  {
    id: 'svelte',
    name: 'Svelte',
    example: `<button on:click={() => web1on1.api.sendClientMessage('>cs /notfy')}>Ask</button>
`,
  },
  {
    id: 'php',
    name: 'PHP',
    example: `<?php $id = '62c6077ca980127f404b0301'; ?>
<script>
  web1on1.api.sendClientMessage('>cs /assign <?= $id ?>');
  web1on1.api.sendClientMessage('>cs /assign 62C6077CA980127F404B0301');
</script>
`,
  },
  {
    id: 'markdown',
    name: 'Markdown',
    example: "# Embedding the widget\n\n```html\n<script>web1on1.api.sendClientMessage('> cs /notify')</script>\n```\n",
  },
  { id: 'json', name: 'JSON (a GTM export)', example: JSON.stringify(gtm, null, 2) + '\n' },
  {
    id: 'yaml',
    name: 'YAML',
    example: `onOpen:
  - ">cs /set isLead yes"
  - ">cs /notify 605411853c68d83fd1ac7656"
greeting: '>CS /set @category Service'
`,
  },
];

export const exampleConfig = `# .cscmd.yaml: rule severities and the organization's catalog
rules:
  location-department: off
catalog:
  organizations:
    - id: 61be87aeafdf672d381a9db4
      name: Acme Cars Amsterdam
      departments: [{id: 61be87aeafdf672d381a9db5, name: Sales}]
  forms:     [{id: 6093490651a8b5629324ae4f, name: Test drive, fields: [brand, model]}]
  users:     [{id: 62c6077ca980127f404b0301, name: Jane Doe}]
  bots:      [{id: 6248f0083ab5d5001e523146, name: Lead bot}]
  inboxes:   [{id: 605411853c68d83fd1ac7655, name: Sales inbox}]
  categories: [Used Car, New Car, Service]
  fields:    [location, brand, email]
  variables: [isLead]
`;
